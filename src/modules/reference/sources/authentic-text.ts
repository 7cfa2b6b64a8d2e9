/**
 * Parser and checks for an authentic language version of a shipped instrument, imported by a
 * curator (palermo import-instrument-text). The layout is the one of the English files in
 * resources/instruments/: "## Title", then "### <word> N" starting article N in the file's language
 * ("### Article 18", "### Artículo 18", "### Статья 18", "### المادة 18", "### 第18条"), an optional
 * "#### heading" line right after it, and paragraphs (one per line or separated by blank lines).
 * Any other "###" line (part, chapter) closes the article; text before the first article (preamble)
 * is ignored. Problems name the line. Pure.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';

export interface AuthenticArticle {
  number: string;
  title?: string;
  text: string;
}

export interface AuthenticText {
  title?: string;
  articles: AuthenticArticle[];
}

export const MAX_TEXT_BYTES = 5_000_000;

const ARTICLE = /^###(?!#)\s*(?:[^\d#]*?)\s*(\d+[a-z]?)\s*(?:条|\.)?\s*$/u;
const HEADING3 = /^###(?!#)/;
const HEADING4 = /^####(?!#)\s*(.*)$/;
const TITLE = /^#{1,2}(?!#)\s*(.+)$/;

/** An article number must be one of the instrument's, once (`seen`: number → first line). */
export function checkArticleNumber(number: string, line: number, known: ReadonlySet<string>, seen: Map<string, number>, at: (line: number, message: string) => void): void {
  if (!known.has(number)) at(line, `article ${number} is not an article of this instrument`);
  else if (seen.has(number)) at(line, `article ${number} appears twice (first at line ${seen.get(number)})`);
  seen.set(number, line);
}

/** Parse a file; `known` are the article numbers of the instrument (from the shipped English text). */
export function parseAuthenticText(content: string, known: ReadonlySet<string>): { text: AuthenticText; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const at = (line: number, message: string) => issues.push({ field: 'file', message, line });
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const articles: (AuthenticArticle & { line: number; paragraphs: string[] })[] = [];
  let title: string | undefined;
  let current: (typeof articles)[number] | undefined;
  let expectTitle = false;
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/[\t\u00a0]/g, ' ').replace(/ {2,}/g, ' ').trim();
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(raw)) at(n, 'contains control characters or bytes that are not UTF-8');
    const article = ARTICLE.exec(line);
    if (article) {
      const number = article[1]!;
      checkArticleNumber(number, n, known, seen, at);
      current = { number, text: '', line: n, paragraphs: [] };
      articles.push(current);
      expectTitle = true;
      return;
    }
    const h4 = HEADING4.exec(line);
    if (h4) {
      if (current && expectTitle && h4[1]) current.title = h4[1].trim(); // else a chapter title: ignored
      expectTitle = false;
      return;
    }
    if (HEADING3.test(line)) {
      current = undefined; // part or chapter heading: closes the article
      expectTitle = false;
      return;
    }
    const t = TITLE.exec(line);
    if (t) {
      if (title === undefined && !articles.length) title = t[1]!.trim();
      return;
    }
    if (!line) return;
    expectTitle = false;
    if (current) current.paragraphs.push(line);
  });
  if (!articles.length) at(1, 'no article found: an article starts with a line "### Article N" (the word in the language of the text)');
  for (const a of articles) {
    if (!a.paragraphs.length) at(a.line, `article ${a.number} has no text`);
  }
  return {
    text: {
      ...(title ? { title } : {}),
      articles: articles.map((a) => ({ number: a.number, ...(a.title ? { title: a.title } : {}), text: a.paragraphs.join('\n\n') })),
    },
    issues,
  };
}
