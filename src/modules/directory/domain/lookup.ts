/**
 * "Which authority do I send this to?" Pure rules over the (already visibility-filtered) authorities
 * of the requested State. See docs/DIRECTORY.md, "Lookup rules".
 */
import { FUNCTION_CODES, PRESERVATION_MEASURES, E_EVIDENCE_MEASURES, instrumentOf, isFunctionCode, type FunctionCode } from './functions.js';
import type { AuthorityDocument, Requirement } from './schema.js';

export type RequestKind = { kind: 'function'; code: FunctionCode } | { kind: 'measure'; code: string; eEvidence: boolean };

/** "extradition", "mla", a measure code such as "taking-evidence" → the kind of request. */
export function parseRequestKind(value: string, measures: ReadonlySet<string>): RequestKind | undefined {
  if (isFunctionCode(value)) return { kind: 'function', code: value };
  if (measures.has(value)) return { kind: 'measure', code: value, eEvidence: E_EVIDENCE_MEASURES.has(value) };
  return undefined;
}

/** The function that answers a kind of request, then the fallbacks, in order. */
export function functionChain(kind: RequestKind): FunctionCode[] {
  if (kind.kind === 'measure') return PRESERVATION_MEASURES.has(kind.code) ? ['cyber-24-7', 'mla', 'uncac-central'] : ['mla', 'uncac-central'];
  switch (kind.code) {
    case 'mla':
      return ['mla', 'uncac-central'];
    case 'uncac-central':
      return ['uncac-central', 'mla'];
    default:
      return [kind.code, 'mla', 'uncac-central'];
  }
}

export type RequirementAnswer =
  | { state: 'stated'; requirement: Requirement }
  | { state: 'not_stated' }
  /** The requirements exist but are for practitioners only. */
  | { state: 'withheld' };

export interface LookupMatch {
  doc: AuthorityDocument;
  /** For a measure: what the authority says about it. */
  requirement?: RequirementAnswer;
}

export interface LookupAnswer {
  state: string;
  request: RequestKind;
  /** The function looked for first. */
  wanted: FunctionCode;
  /** The function of the authorities returned (differs from wanted when falling back). */
  found: FunctionCode | null;
  matches: LookupMatch[];
  /** The State has no authority in the directory at all. */
  stateHasNone: boolean;
}

function designatedUnderUntoc(doc: AuthorityDocument, code: FunctionCode): boolean {
  const d = doc.functions.find((f) => f.code === code);
  return !!d?.articles?.some((a) => instrumentOf(a).startsWith('untoc'));
}

/**
 * @param docs the authorities of the State as the reader may see them
 * @param restrictedRequirements for each id, whether its requirements exist but were withheld
 */
export function lookup(state: string, request: RequestKind, docs: readonly AuthorityDocument[], withheld: (doc: AuthorityDocument) => boolean): LookupAnswer {
  const chain = functionChain(request);
  const wanted = chain[0]!;
  for (const code of chain) {
    const found = docs.filter((d) => d.functions.some((f) => f.code === code));
    if (!found.length) continue;
    found.sort((a, b) => Number(designatedUnderUntoc(b, code)) - Number(designatedUnderUntoc(a, code)) || a.id.localeCompare(b.id));
    return {
      state,
      request,
      wanted,
      found: code,
      stateHasNone: false,
      matches: found.map((doc) => {
        if (request.kind !== 'measure') return { doc };
        const r = doc.requirements?.find((x) => x.measure === request.code);
        const requirement: RequirementAnswer = r ? { state: 'stated', requirement: r } : withheld(doc) ? { state: 'withheld' } : { state: 'not_stated' };
        return { doc, requirement };
      }),
    };
  }
  return { state, request, wanted, found: null, matches: [], stateHasNone: docs.length === 0 };
}

export const REQUEST_FUNCTIONS: readonly FunctionCode[] = FUNCTION_CODES;
