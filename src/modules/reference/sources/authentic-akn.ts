/**
 * An authentic language version of a shipped instrument in Akoma Ntoso 3.0 (or its pre-release
 * namespace): an <act> whose main body holds <article> elements (inside parts and chapters or not),
 * each with a <num>, an optional <heading> and its paragraphs. Read by the bulk module's Akoma Ntoso
 * reader and mapped to the structure of the Markdown files (sources/authentic-text.ts), with the
 * same checks, each naming its line (the reader is supplied by bulk: akn-reader.ts). The article number is the first number in <num> ("Article 18",
 * "Artículo 18.", "18 bis" → 18), else the end of the eId ("art_18", for numbers written in words
 * such as "第十八条"). A FRBRlanguage other than the language imported is refused, as are bytes
 * that are not UTF-8. Pure but for the supplied reader.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { readAknArticles } from '../akn-reader.js';
import { checkArticleNumber, type AuthenticArticle, type AuthenticText } from './authentic-text.js';

/** Whether a file is XML (Akoma Ntoso) rather than Markdown: its first non-blank character is "<". */
export function looksLikeXml(content: string): boolean {
  return /^\uFEFF?\s*</.test(content);
}

function articleNumber(num: string | undefined, eId: string | undefined): string | undefined {
  const fromNum = num ? /(\d+[a-z]?)(?![\d])/i.exec(num.replace(/\s+(?=[a-z]\b)/i, ''))?.[1] : undefined;
  if (fromNum) return fromNum.toLowerCase();
  const fromEid = eId ? /(?:^|_)art_(\d+[a-z]?)$/i.exec(eId)?.[1] : undefined;
  return fromEid?.toLowerCase();
}

export function parseAuthenticAkn(content: string, known: ReadonlySet<string>, lang: string): { text: AuthenticText; issues: FieldIssue[] } {
  const doc = readAknArticles(content);
  const issues: FieldIssue[] = doc.issues.map((i) => ({ field: 'file', line: i.line, message: i.field.startsWith('(') ? i.message : `<${i.field}> ${i.message}` }));
  const at = (line: number, message: string) => issues.push({ field: 'file', message, line });
  const notUtf8 = content.split(/\r\n|\n|\r/).findIndex((l) => l.includes('\ufffd'));
  if (notUtf8 >= 0) at(notUtf8 + 1, 'contains bytes that are not UTF-8');
  if (doc.language && doc.language !== lang) at(doc.docLine, `the document's FRBRlanguage is "${doc.language}", not the language imported ("${lang}")`);
  const seen = new Map<string, number>();
  const articles: AuthenticArticle[] = [];
  for (const a of doc.articles) {
    const number = articleNumber(a.num, a.eId);
    if (!number) {
      at(a.line, `an article without a number: give it <num>Article N</num> or an eId ending in art_N`);
      continue;
    }
    checkArticleNumber(number, a.line, known, seen, at);
    if (!a.text) at(a.line, `article ${number} has no text`);
    articles.push({ number, ...(a.heading ? { title: a.heading } : {}), text: a.text });
  }
  if (!issues.length && !articles.length) at(doc.docLine, 'no article found: the act\'s body has no <article> element');
  return { text: { ...(doc.title ? { title: doc.title } : {}), articles }, issues };
}
