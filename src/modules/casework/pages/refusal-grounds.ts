/** The refusal grounds a form may offer (casework's list, UNTOC art. 18(21)), labelled in the reader's language: for other modules' forms (the exchange's refusal). */
import type { Lang } from '../../../platform/i18n/languages.js';
import { REFUSAL_GROUNDS } from '../domain/vocabulary.js';
import { cwT, label } from './ui.js';

export function refusalGroundChoices(lang: Lang): { code: string; label: string }[] {
  const t = cwT(lang);
  return REFUSAL_GROUNDS.filter((g) => g !== 'bank_secrecy_not_a_ground').map((code) => ({ code, label: label(t, 'ground', code) }));
}
