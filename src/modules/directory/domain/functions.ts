/**
 * The functions an authority can be designated for, and the instrument articles each designation is
 * made under by default (refs "instrument:article" into the reference instruments). Functions whose
 * designating instrument is not held by Palermo (the 1988 Convention, cultural property) carry a
 * textual reference only.
 */

export const FUNCTION_CODES = [
  'mla',
  'extradition',
  'transfer-sentenced-persons',
  'confiscation',
  'migrant-smuggling-sea',
  'drug-trafficking-sea',
  'firearms',
  'cultural-property',
  'cyber-24-7',
  'uncac-central',
  'other',
] as const;
export type FunctionCode = (typeof FUNCTION_CODES)[number];

export function isFunctionCode(value: unknown): value is FunctionCode {
  return typeof value === 'string' && (FUNCTION_CODES as readonly string[]).includes(value);
}

export interface FunctionBasis {
  /** Default articles the designation is made under ("untoc:18"). */
  articles: readonly string[];
  /** Citation of the designating provision, in English (instrument names are proper names). */
  reference: string;
}

export const FUNCTION_BASIS: Record<FunctionCode, FunctionBasis> = {
  mla: { articles: ['untoc:18'], reference: 'UNTOC art. 18(13)' },
  extradition: { articles: ['untoc:16'], reference: 'UNTOC art. 16' },
  'transfer-sentenced-persons': { articles: ['untoc:17'], reference: 'UNTOC art. 17' },
  confiscation: { articles: ['untoc:13', 'untoc:14'], reference: 'UNTOC arts. 13–14' },
  'migrant-smuggling-sea': { articles: ['untoc-som:8'], reference: 'Smuggling of Migrants Protocol art. 8(6)' },
  'drug-trafficking-sea': { articles: [], reference: '1988 Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances, art. 17(7)' },
  firearms: { articles: ['untoc-firearms:13'], reference: 'Firearms Protocol art. 13(2)' },
  'cultural-property': { articles: [], reference: 'International Guidelines on Trafficking in Cultural Property (GA res. 69/196)' },
  'cyber-24-7': { articles: ['coe-cybercrime:35'], reference: 'Budapest Convention art. 35' },
  'uncac-central': { articles: ['uncac:46'], reference: 'UNCAC art. 46(13)' },
  other: { articles: [], reference: '' },
};

/** Instrument id of an article ref: "untoc:18" → "untoc". */
export function instrumentOf(ref: string): string {
  const i = ref.lastIndexOf(':');
  return i < 0 ? ref : ref.slice(0, i);
}

/** The measures of electronic evidence (taxonomy "measure" codes) for which the 24/7 network is first in line. */
export const PRESERVATION_MEASURES: ReadonlySet<string> = new Set(['data-preservation', 'emergency-disclosure']);
/** Electronic-evidence measure codes (Budapest Convention and its Second Protocol). */
export const E_EVIDENCE_MEASURES: ReadonlySet<string> = new Set([
  'data-preservation',
  'traffic-data-disclosure',
  'subscriber-information',
  'stored-data-access',
  'real-time-traffic-data',
  'interception-content-data',
  'emergency-disclosure',
]);
