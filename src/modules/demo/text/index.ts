/** The wording of the demo corpus in the six UN languages. */
import type { Lang } from '../../../platform/i18n/languages.js';
import type { DemoTexts } from './types.js';
import { en } from './en/index.js';
import { fr } from './fr/index.js';
import { es } from './es/index.js';
import { ru } from './ru/index.js';
import { ar } from './ar/index.js';
import { zh } from './zh/index.js';

export const TEXTS: Record<Lang, DemoTexts> = { en, fr, es, ru, ar, zh };
