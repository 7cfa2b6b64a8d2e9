/** The lookup's answer in words (page and API), in a language. */
import type { Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { directoryMessages } from './directory.messages.js';
import { functionMessages } from './functions.messages.js';
import type { LookupAnswer } from './domain/lookup.js';

/** `ownRegime`: the place is an area with its own regime (Hong Kong SAR...), not a State with a permanent mission. */
export function explainLookup(r: LookupAnswer & { ownRegime?: boolean }, lang: Lang = 'en', stateName: string = r.state): string {
  const t = translator(directoryMessages, lang);
  const f = translator(functionMessages, lang);
  if (r.stateHasNone) return t(r.ownRegime ? 'ans_area_none' : 'ans_state_none', { state: stateName });
  if (!r.found) return t('ans_no_function', { state: stateName });
  if (r.found !== r.wanted) return t('ans_fallback', { state: stateName, wanted: f(r.wanted), found: f(r.found) });
  return t('ans_found', { count: r.matches.length, state: stateName });
}
