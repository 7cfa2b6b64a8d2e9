/**
 * The thesaurus (pure): groups of equivalent terms per language, kept by curators. A query term
 * (a word or a quoted phrase) equal to a term of a group, after the exact normalisation, also
 * matches the group's other terms, each analysed in the group's language as a phrase.
 */
import { LANGS, type Lang } from '../../../platform/i18n/languages.js';
import { cleanText, forExact, hasCjk } from './text.js';
import type { Clause, ParsedQuery } from './query.js';

export interface ThesaurusGroup {
  id: number;
  lang: Lang;
  terms: string[];
  note: string | null;
}

export const MAX_GROUP_TERMS = 20;
export const MAX_THESAURUS_TERM = 100;
export const MAX_NOTE = 500;

/** The form a term is compared in: exact normalisation, lower case, accents folded, single spaces, no quotes. */
export function thesaurusKey(text: string): string {
  return forExact(cleanText(text))
    .replace(/["\u201c\u201d\u00ab\u00bb]/g, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** An equivalent to add to a query term: its text and the language it is analysed in. */
export interface Equivalent {
  text: string;
  lang: Lang;
  cjk: boolean;
}

/** Groups by the key of each of their terms. */
export function lookupTable(groups: readonly ThesaurusGroup[]): Map<string, ThesaurusGroup[]> {
  const table = new Map<string, ThesaurusGroup[]>();
  for (const g of groups) {
    for (const t of new Set(g.terms.map(thesaurusKey))) {
      if (!t) continue;
      (table.get(t) ?? table.set(t, []).get(t)!).push(g);
    }
  }
  return table;
}

/**
 * The equivalents of every term of the query, in term order (as termTexts lists them): the other
 * terms of each group holding it, in any language (a reader of the English pages typing "MLA"
 * also finds "entraide judiciaire" only through the English group's own terms and the labels).
 */
export function equivalentsOf(query: ParsedQuery, table: ReadonlyMap<string, readonly ThesaurusGroup[]>): Equivalent[][] {
  return query.clauses.flatMap((c) =>
    c.terms.map((term) => {
      const key = thesaurusKey(term.text);
      const seen = new Set([key]);
      const out: Equivalent[] = [];
      for (const g of table.get(key) ?? []) {
        for (const t of g.terms) {
          const k = thesaurusKey(t);
          if (!k || seen.has(k)) continue;
          seen.add(k);
          out.push({ text: t, lang: g.lang, cjk: hasCjk(t) });
        }
      }
      return out;
    }),
  );
}

/** Words joined at most into one thesaurus term. */
const MAX_JOINED = 8;

/**
 * Consecutive plain words that together are a thesaurus term ("mutual legal assistance" typed
 * without quotes) become one term of those words: still all required (not a phrase), and matched
 * with the group as a whole. Longest run first, left to right.
 */
export function joinThesaurusTerms(query: ParsedQuery, table: ReadonlyMap<string, unknown>): ParsedQuery {
  const plain = (c: Clause | undefined) => !!c && !c.negated && c.terms.length === 1 && !c.terms[0]!.phrase;
  const out: Clause[] = [];
  const cs = query.clauses;
  for (let i = 0; i < cs.length; i++) {
    let joined = 0;
    if (plain(cs[i])) {
      for (let n = Math.min(MAX_JOINED, cs.length - i); n >= 2; n--) {
        const run = cs.slice(i, i + n);
        if (!run.every(plain)) continue;
        const text = run.map((c) => c.terms[0]!.text).join(' ');
        if (table.has(thesaurusKey(text))) {
          out.push({ negated: false, terms: [{ text, phrase: false }] });
          joined = n;
          break;
        }
      }
    }
    if (joined) i += joined - 1;
    else out.push(cs[i]!);
  }
  return { clauses: out };
}

export interface GroupInput {
  lang: Lang;
  terms: string[];
  note: string | null;
}

export interface GroupIssue {
  field: string;
  message: string;
}

/**
 * Validate a group from a form or the API: a language, 2 to 20 distinct terms (one per line in the
 * form), each 1–100 characters with a letter or digit, an optional note. Never throws.
 */
export function parseGroup(raw: { lang?: unknown; terms?: unknown; note?: unknown }): { ok: true; value: GroupInput } | { ok: false; issues: GroupIssue[] } {
  const issues: GroupIssue[] = [];
  const lang = typeof raw.lang === 'string' && (LANGS as readonly string[]).includes(raw.lang) ? (raw.lang as Lang) : undefined;
  if (!lang) issues.push({ field: 'lang', message: `must be one of ${LANGS.join(', ')}` });
  const list = typeof raw.terms === 'string' ? raw.terms.split(/\r?\n|\r/) : Array.isArray(raw.terms) && raw.terms.every((t) => typeof t === 'string') ? (raw.terms as string[]) : undefined;
  const terms: string[] = [];
  if (!list) issues.push({ field: 'terms', message: 'must be text, one term per line' });
  else {
    const keys = new Set<string>();
    for (const line of list) {
      const t = cleanText(line).replace(/\s+/gu, ' ').trim();
      if (!t) continue;
      if (t.length > MAX_THESAURUS_TERM) {
        issues.push({ field: 'terms', message: `each term must be at most ${MAX_THESAURUS_TERM} characters` });
        break;
      }
      if (!/[\p{L}\p{N}]/u.test(t) || !thesaurusKey(t)) {
        issues.push({ field: 'terms', message: 'each term must contain a letter or a digit' });
        break;
      }
      const k = thesaurusKey(t);
      if (keys.has(k)) continue;
      keys.add(k);
      terms.push(t);
    }
    if (!issues.some((i) => i.field === 'terms') && (terms.length < 2 || terms.length > MAX_GROUP_TERMS)) issues.push({ field: 'terms', message: `must hold 2 to ${MAX_GROUP_TERMS} different terms` });
  }
  let note: string | null = null;
  if (raw.note !== undefined && raw.note !== null) {
    if (typeof raw.note !== 'string') issues.push({ field: 'note', message: 'must be text' });
    else {
      const n = cleanText(raw.note).trim();
      if (n.length > MAX_NOTE) issues.push({ field: 'note', message: `must be at most ${MAX_NOTE} characters` });
      else note = n || null;
    }
  }
  return issues.length || !lang ? { ok: false, issues } : { ok: true, value: { lang, terms, note } };
}
