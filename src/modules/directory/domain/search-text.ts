/**
 * The text an authority is found by, and the query built from what a reader types. Pure.
 * Two texts per authority: the public one (names, functions, country names, public fields) and the
 * practitioners-only one (the practitioners search both). Readers who may not see restricted fields search the
 * public text only, so a restricted field never makes an authority match for them.
 *
 * Normalisation (applied to both sides): Arabic orthographic variants folded and diacritics removed;
 * runs of Han characters split into overlapping bigrams (PostgreSQL has no Chinese word breaker).
 */
import { visibilityOf } from './checks.js';
import type { AuthorityDocument, VisibilityField } from './schema.js';

const HAN = /[\p{Script=Han}]+/gu;

export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(HAN, (run) => {
      const chars = [...run];
      if (chars.length === 1) return ` ${run} `;
      const grams: string[] = [];
      for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i]! + chars[i + 1]!);
      return ` ${grams.join(' ')} `;
    });
}

const ml = (v: Record<string, string> | undefined) => (v ? Object.values(v) : []);

export interface SearchTexts {
  /** Weight A: names in every language. */
  names: string;
  /** Weight B: function labels and country names in the six languages. */
  labels: string;
  /** Weight C, public fields only. */
  publicText: string;
  /** Weight C, the practitioners-only fields (the practitioners' vector is the public one plus this). */
  restrictedText: string;
}

/** Texts of the fields that may be restricted, by field. */
function fieldTexts(doc: AuthorityDocument): [VisibilityField, string[]][] {
  return [
    ['address', doc.address ? [doc.address] : []],
    ['phones', (doc.phones ?? []).flatMap((p) => [p.number, p.label ?? ''])],
    ['direct_lines', (doc.direct_lines ?? []).flatMap((p) => [p.number, p.label ?? ''])],
    ['emails', (doc.emails ?? []).flatMap((e) => [e.address, e.label ?? ''])],
    ['website', doc.website ? [doc.website] : []],
    ['contacts', (doc.contacts ?? []).flatMap((c) => [c.name, c.title ?? '', c.email ?? '', c.phone ?? ''])],
    ['urgent_procedure', ml(doc.urgent_procedure)],
    ['untoc_extradition_basis', ml(doc.untoc_extradition_basis?.note)],
    ['requirements', (doc.requirements ?? []).flatMap((r) => ml(r.conditions))],
    ['e_evidence', [...ml(doc.e_evidence?.preservation), ...ml(doc.e_evidence?.disclosure)]],
    ['notes', ml(doc.notes)],
  ];
}

/**
 * @param functionLabels labels of a function code in every interface language
 * @param countryNames the country's names in every language
 */
export function searchTexts(doc: AuthorityDocument, functionLabels: (code: string) => string[], countryNames: string[]): SearchTexts {
  const names = normalizeSearchText([doc.id, ...Object.values(doc.names)].join(' \n '));
  const labels = normalizeSearchText([...doc.functions.flatMap((f) => [...functionLabels(f.code), ...ml(f.note)]), ...countryNames, doc.country].join(' \n '));
  const pub: string[] = [];
  const restricted: string[] = [];
  for (const [field, texts] of fieldTexts(doc)) (visibilityOf(doc, field) === 'public' ? pub : restricted).push(...texts);
  return { names, labels, publicText: normalizeSearchText(pub.join(' \n ')), restrictedText: normalizeSearchText(restricted.join(' \n ')) };
}

/**
 * A prefix tsquery ("minist:* & justic:*") from what the reader typed, or undefined when nothing
 * searchable remains. Tokens keep letters and digits only, so the result is safe for to_tsquery.
 */
export function toPrefixQuery(q: string): string | undefined {
  const tokens = normalizeSearchText(q.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (!tokens.length) return undefined;
  return tokens.map((t) => `${t}:*`).join(' & ');
}

/** The typed text for a substring match on names (LIKE pattern with wildcards escaped). */
export function likePattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
