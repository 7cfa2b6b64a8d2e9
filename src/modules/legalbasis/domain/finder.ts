/**
 * The legal basis finder: which instruments bind a requesting and a requested State for a kind of
 * cooperation, in which order they apply, and what the requested State has declared or says in the
 * directory. Pure: the service reads the participation, the status sources and the directory entry.
 * The order (docs/LEGAL-BASIS.md): a treaty binding both applies first; UNTOC art. 18 paras 9–29
 * apply where no treaty of mutual legal assistance binds them (18(7)); the Convention is a basis for
 * extradition where the requested State accepts it (16(4)–(5)); where nothing binds them,
 * reciprocity and domestic law.
 */
import { inForceStatus, type InForceStatus } from './entry-into-force.js';
import { GOVERNING_ARTICLES, PROTOCOLS, isExtradition, isMutualAssistance, type LegalBasisKind } from './kinds.js';

export interface PartyStatus {
  signed_on?: string | undefined;
  consent_kind?: string | undefined;
  consent_on?: string | undefined;
  entry_into_force_on?: string | undefined;
  declarations?: string | undefined;
  reservations?: string | undefined;
  demo: boolean;
  /** On the day asked (`on`): in force for this State, bound but not yet in force, bound with no known date. Set by the finder. */
  in_force?: Exclude<InForceStatus, 'not_bound'> | undefined;
}

export interface InstrumentInput {
  id: string;
  kind: 'universal' | 'regional' | 'bilateral';
  short_name: string | null;
  parent_id: string | null;
  titles: Record<string, string>;
  demo: boolean;
  /** Depositary status source ("as of"), when the parties come from a depositary import. */
  as_of?: string | undefined;
  from?: PartyStatus | undefined;
  to?: PartyStatus | undefined;
}

export type ExtraditionBasis = 'yes' | 'no' | 'unknown';

export interface DirectoryInput {
  /** The requested State has an authority for the kind in the directory. */
  authorities: { id: string; names: Record<string, string>; languages: string[]; channels: string[]; demo: boolean; requirement?: { status: string; conditions?: Record<string, string> | undefined } | undefined }[];
  /** What the requested State says about UNTOC as a basis for extradition (first authority stating it). */
  untocExtraditionBasis: ExtraditionBasis;
  untocExtraditionNote?: Record<string, string> | undefined;
}

export interface FinderInput {
  from: string;
  to: string;
  kind: LegalBasisKind;
  instruments: readonly InstrumentInput[];
  directory: DirectoryInput;
  /** The day the status is told for (YYYY-MM-DD); without it no `in_force` is given. */
  on?: string | undefined;
}

export interface InstrumentResult {
  id: string;
  kind: InstrumentInput['kind'];
  short_name: string | null;
  titles: Record<string, string>;
  /** Articles of the instrument that govern this kind of cooperation (shipped instruments only). */
  articles: string[];
  /** True when both States have consented to be bound. */
  binds_both: boolean;
  from: PartyStatus | null;
  to: PartyStatus | null;
  as_of: string | null;
  demo: boolean;
}

/** One step of the explanation, in the order it applies; `instruments` are ids. */
export type Step =
  | { code: 'treaty_first'; instruments: string[] }
  | { code: 'untoc_18_paras_9_29' }
  | { code: 'untoc_18_7_treaty' }
  | { code: 'uncac_46_paras_9_29' }
  | { code: 'untoc_extradition_basis'; accepted: ExtraditionBasis }
  | { code: 'untoc_provides'; articles: string[] }
  | { code: 'uncac_provides'; articles: string[] }
  | { code: 'nothing_binds' }
  /** Both consented, but on the day asked the instrument is not yet in force for `state` (from `from_on`). */
  | { code: 'not_yet_in_force'; instrument: string; state: string; from_on: string };

export interface Statement {
  instrument: string;
  state: string;
  type: 'declaration' | 'reservation';
  text: string;
  /** UNTOC paragraphs the text mentions among 16(5), 18(13), 18(14). */
  mentions: string[];
  demo: boolean;
}

export interface LegalBasis {
  from: string;
  to: string;
  kind: LegalBasisKind;
  /** Instruments binding both, most relevant first. */
  binding: InstrumentResult[];
  /** Instruments that govern this kind to which only one (or neither) State is bound. */
  not_binding: InstrumentResult[];
  steps: Step[];
  statements: Statement[];
  directory: DirectoryInput;
  /** The depositary snapshot dates shown ("as of"), distinct, sorted. */
  as_of: string[];
  /** The day `in_force` is told for; null when not asked. */
  on: string | null;
}

const bound = (p: PartyStatus | undefined): boolean => !!p?.consent_on;

/** Smaller is more relevant: bilateral, regional, the Convention governing the kind, UNCAC, the Protocols, the rest. */
function relevance(i: InstrumentInput, kind: LegalBasisKind): number {
  if (i.kind === 'bilateral') return 0;
  const governs = !!GOVERNING_ARTICLES[i.id]?.[kind];
  if (i.kind === 'regional') return governs ? 1 : 2;
  if (i.id === 'untoc') return 3;
  if (i.id === 'uncac') return 4;
  if (PROTOCOLS.has(i.id)) return 5;
  return governs ? 4.5 : 6;
}

const MENTION = /\b(16|18)\s*(?:\(|,?\s*para(?:graph|\.)?\s*)(5|13|14)\)?/gi;

/** UNTOC paragraphs among 16(5), 18(13), 18(14) that a declaration mentions. */
export function mentionedParagraphs(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MENTION)) {
    const p = `${m[1]}(${m[2]})`;
    if (p === '16(5)' || p === '18(13)' || p === '18(14)') out.add(p);
  }
  return [...out].sort();
}

function withInForce(p: PartyStatus | undefined, on: string | undefined): PartyStatus | null {
  if (!p) return null;
  const status = on ? inForceStatus(p, on) : 'not_bound';
  return status === 'not_bound' ? p : { ...p, in_force: status };
}

function result(i: InstrumentInput, kind: LegalBasisKind, on: string | undefined): InstrumentResult {
  return {
    id: i.id,
    kind: i.kind,
    short_name: i.short_name,
    titles: i.titles,
    articles: [...(GOVERNING_ARTICLES[i.id]?.[kind] ?? GOVERNING_ARTICLES[i.parent_id ?? '']?.[kind] ?? [])],
    binds_both: bound(i.from) && bound(i.to),
    from: withInForce(i.from, on),
    to: withInForce(i.to, on),
    as_of: i.as_of ?? null,
    demo: i.demo || !!i.from?.demo || !!i.to?.demo,
  };
}

export function findLegalBasis(input: FinderInput): LegalBasis {
  const { kind } = input;
  const order = (a: InstrumentInput, b: InstrumentInput) => relevance(a, kind) - relevance(b, kind) || a.id.localeCompare(b.id);
  const sorted = [...input.instruments].sort(order);
  const binding = sorted.filter((i) => bound(i.from) && bound(i.to));
  const notBinding = sorted.filter((i) => !(bound(i.from) && bound(i.to)) && (i.from || i.to) && i.kind !== 'bilateral' && (GOVERNING_ARTICLES[i.id]?.[kind] || i.kind === 'regional'));
  const ids = new Set(binding.map((i) => i.id));
  const treaties = binding.filter((i) => i.kind !== 'universal' && (i.kind === 'bilateral' || GOVERNING_ARTICLES[i.id]?.[kind] || !GOVERNING_ARTICLES[i.id]));

  const steps: Step[] = [];
  if (treaties.length) steps.push({ code: 'treaty_first', instruments: treaties.map((i) => i.id) });
  if (ids.has('untoc')) {
    const articles = [...(GOVERNING_ARTICLES.untoc![kind] ?? [])];
    if (isMutualAssistance(kind)) steps.push(treaties.length ? { code: 'untoc_18_7_treaty' } : { code: 'untoc_18_paras_9_29' });
    else if (isExtradition(kind)) {
      if (!treaties.length) steps.push({ code: 'untoc_extradition_basis', accepted: input.directory.untocExtraditionBasis });
    } else steps.push({ code: 'untoc_provides', articles });
  }
  if (ids.has('uncac')) {
    if (isMutualAssistance(kind) && !treaties.length && !ids.has('untoc')) steps.push({ code: 'uncac_46_paras_9_29' });
    else steps.push({ code: 'uncac_provides', articles: [...(GOVERNING_ARTICLES.uncac![kind] ?? [])] });
  }
  // Nothing binding both governs this kind (e.g. only an extradition convention, for assistance).
  if (!steps.length) steps.push({ code: 'nothing_binds' });
  // A treaty binding both applies between them only once in force for both (UNTOC 38(2) and the like).
  const pending: Step[] = [];
  if (input.on) {
    for (const i of binding) {
      for (const [state, p] of [
        [input.from, i.from],
        [input.to, i.to],
      ] as const) {
        if (p?.entry_into_force_on && inForceStatus(p, input.on) === 'not_yet_in_force') pending.push({ code: 'not_yet_in_force', instrument: i.id, state, from_on: p.entry_into_force_on });
      }
    }
  }
  steps.unshift(...pending);

  const statements: Statement[] = [];
  for (const i of binding) {
    for (const [state, p] of [
      [input.from, i.from],
      [input.to, i.to],
    ] as const) {
      if (!p) continue;
      if (p.declarations) statements.push({ instrument: i.id, state, type: 'declaration', text: p.declarations, mentions: mentionedParagraphs(p.declarations), demo: p.demo });
      if (p.reservations) statements.push({ instrument: i.id, state, type: 'reservation', text: p.reservations, mentions: mentionedParagraphs(p.reservations), demo: p.demo });
    }
  }
  statements.sort((a, b) => b.mentions.length - a.mentions.length);
  const asOf = [...new Set(sorted.filter((i) => i.from || i.to).flatMap((i) => (i.as_of ? [i.as_of] : [])))].sort();
  return {
    from: input.from,
    to: input.to,
    kind,
    binding: binding.map((i) => result(i, kind, input.on)),
    not_binding: notBinding.map((i) => result(i, kind, input.on)),
    steps,
    statements,
    directory: input.directory,
    as_of: asOf,
    on: input.on ?? null,
  };
}
