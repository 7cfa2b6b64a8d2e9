/**
 * Query syntax (web-search style) and the tsquery built from it. Pure: the database only
 * analyses each term (see repository analyseTerms); the structure is decided here.
 *
 *   plain words          all must match (AND)
 *   "a phrase"           the words in this order (an unbalanced quote runs to the end)
 *   a OR b               either (OR binds adjacent terms; case-insensitive)
 *   -word, -"a phrase"   must not match (never part of an OR group)
 */
import { cleanText, forExact, forStemming, hasCjk } from './text.js';

export interface Term {
  /** The words of the term as typed (cleaned). */
  text: string;
  phrase: boolean;
}

/** Terms joined by OR; a negated clause has exactly one term. */
export interface Clause {
  terms: Term[];
  negated: boolean;
}

export interface ParsedQuery {
  clauses: Clause[];
}

export const MAX_TERMS = 32;
export const MAX_TERM_LENGTH = 256;

type Token = { kind: 'term'; term: Term; negated: boolean } | { kind: 'or' };

function tokenize(input: string): Token[] {
  const s = cleanText(input);
  const tokens: Token[] = [];
  let i = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  while (i < s.length) {
    const c = s[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (c === '-' && i + 1 < s.length && !isSpace(s[i + 1])) {
      negated = true;
      i++;
    }
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      const text = s.slice(i + 1, end === -1 ? s.length : end).trim();
      i = end === -1 ? s.length : end + 1;
      if (text) tokens.push({ kind: 'term', term: { text: text.slice(0, MAX_TERM_LENGTH), phrase: true }, negated });
      continue;
    }
    let j = i;
    while (j < s.length && !isSpace(s[j]) && s[j] !== '"') j++;
    const word = s.slice(i, j);
    i = j;
    if (!negated && word.toUpperCase() === 'OR') tokens.push({ kind: 'or' });
    else if (/[\p{L}\p{N}]/u.test(word)) tokens.push({ kind: 'term', term: { text: word.slice(0, MAX_TERM_LENGTH), phrase: false }, negated });
  }
  return tokens;
}

/** Parse a query string; never throws. At most MAX_TERMS terms are kept. */
export function parseQuery(input: string): ParsedQuery {
  const clauses: Clause[] = [];
  let joinNext = false;
  let count = 0;
  for (const token of tokenize(input)) {
    if (token.kind === 'or') {
      const last = clauses[clauses.length - 1];
      joinNext = Boolean(last && !last.negated);
      continue;
    }
    if (count >= MAX_TERMS) break;
    count++;
    const last = clauses[clauses.length - 1];
    if (joinNext && !token.negated && last && !last.negated) last.terms.push(token.term);
    else clauses.push({ terms: [token.term], negated: token.negated });
    joinNext = false;
  }
  return { clauses };
}

/** What the database made of one term: tsquery texts ('' when nothing is left, e.g. a stop word). */
export interface AnalysedTerm {
  /** The term analysed in the query language (phraseto_tsquery for a phrase, else plainto_tsquery), or '' (stop words only; CJK terms are not stemmed). */
  stem: string;
  /** The same with palermo_simple, CJK as bigrams. */
  exact: string;
}

/** The texts to analyse for each term, in clause order. */
export function termTexts(query: ParsedQuery): { stem: string; exact: string; cjk: boolean; phrase: boolean }[] {
  return query.clauses.flatMap((c) =>
    c.terms.map((t) => {
      const cjk = hasCjk(t.text);
      return { stem: cjk ? '' : forStemming(t.text), exact: forExact(t.text), cjk, phrase: t.phrase };
    }),
  );
}

/** The alternatives of one analysed term: its stem in the query language or its exact form. */
function termAlternatives(a: AnalysedTerm, cjk: boolean): string[] {
  if (cjk) return a.exact ? [a.exact] : [];
  // A term the query language drops entirely (a stop word) is dropped, even though its exact form exists.
  if (!a.stem) return [];
  return a.exact && a.exact !== a.stem ? [a.stem, a.exact] : [a.stem];
}

/** A term's query: its own alternatives, then those of its thesaurus equivalents (each analysed in its group's language). */
function termQuery(a: AnalysedTerm, cjk: boolean, equivalents: readonly { analysed: AnalysedTerm; cjk: boolean }[]): string | undefined {
  const own = termAlternatives(a, cjk);
  const all = [...new Set([...own, ...equivalents.flatMap((e) => termAlternatives(e.analysed, e.cjk))])];
  return all.length ? `(${all.join(' | ')})` : undefined;
}

/** A thesaurus equivalent of a query term, as the database analysed it (see domain/thesaurus.ts). */
export interface AnalysedEquivalent {
  text: string;
  cjk: boolean;
  analysed: AnalysedTerm;
}

export interface BuiltQuery {
  /** tsquery text, or undefined when nothing searchable is left (then every entry matches). */
  tsquery: string | undefined;
  /** Texts of the positive terms and of their thesaurus equivalents (for highlighting in the language of each displayed version). */
  highlight: string[];
  /** Texts of the positive CJK terms, highlighted by the application. */
  highlightCjk: string[];
  /** False when the query only excludes (ranking is then meaningless). */
  positive: boolean;
}

/**
 * Combine the analysed terms into one tsquery: each term matches its stem in the query language
 * or its exact form; terms AND, OR groups; a negated term excludes entries containing either form.
 */
export function buildTsQuery(query: ParsedQuery, analysed: readonly AnalysedTerm[], equivalents: readonly (readonly AnalysedEquivalent[])[] = []): BuiltQuery {
  const texts = termTexts(query);
  const parts: string[] = [];
  const highlight: string[] = [];
  const highlightCjk: string[] = [];
  let k = 0;
  let positive = 0;
  for (const clause of query.clauses) {
    const alternatives: string[] = [];
    for (const term of clause.terms) {
      const info = texts[k]!;
      const eq = equivalents[k] ?? [];
      const q = termQuery(analysed[k] ?? { stem: '', exact: '' }, info.cjk, eq);
      k++;
      if (!q) continue;
      alternatives.push(q);
      if (!clause.negated) {
        if (info.cjk) highlightCjk.push(term.text);
        else highlight.push(info.stem);
        for (const e of eq) (e.cjk ? highlightCjk : highlight).push(e.text);
      }
    }
    if (!alternatives.length) continue;
    const joined = alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
    if (clause.negated) parts.push(`!${joined}`);
    else {
      parts.push(joined);
      positive++;
    }
  }
  // Exclusions alone are kept: "-drugs" lists every entry that does not mention drugs.
  return { tsquery: parts.length ? parts.join(' & ') : undefined, highlight, highlightCjk, positive: positive > 0 };
}
