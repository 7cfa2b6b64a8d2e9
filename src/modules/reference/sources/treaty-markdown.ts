/**
 * Parser for the treaty texts shipped in resources/instruments/*.md (Dutch BWB "laws-markdown"):
 * the English text with "### Article N" headings, then the Dutch translation with "### Artikel N".
 * An article heading may be followed by a "####title" line (the 1959 MLA Convention has none);
 * other "###" lines are chapter/section headings, whose "####" line is the chapter title.
 * Pure: text in, articles out.
 */

export interface ParsedArticle {
  number: string;
  title?: string;
  /** Paragraphs separated by a blank line. */
  text: string;
}

export interface ParsedPart {
  articles: ParsedArticle[];
  /** The closing formula ("IN WITNESS WHEREOF ... DONE at ..."), when present. */
  testimonium?: string;
}

export interface ParsedTreaty {
  /** Title of the Dutch publication (first "##" line). */
  titleNl: string;
  /** Title as printed above the English text. */
  titleEn: string;
  en: ParsedPart;
  nl: ParsedPart;
}

const ARTICLE = /^###\s*(Article|Artikel)\s+(\d+[a-z]?)\s*$/;
const HEADING3 = /^###(?!#)/;
const HEADING4 = /^####(?!#)\s*(.*)$/;
const TESTIMONIUM = /^(IN WITNESS WHEREOF|TEN BLIJKE WAARVAN|DONE at|GEDAAN te)/;

/** Replace markdown emphasis *x* by x, keeping words apart ("*inter alia,*include" → "inter alia, include"). */
function stripEmphasis(line: string): string {
  return line.replace(/\*([^*]+)\*/g, (_m, inner: string, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + _m.length];
    const core = inner.trim();
    const padLeft = before !== undefined && !/[\s(„“"'[]/.test(before);
    const padRight = after !== undefined && /[\p{L}\p{N}]/u.test(after);
    return `${padLeft ? ' ' : ''}${core}${padRight ? ' ' : ''}`;
  });
}

/** Straight double quotes to typographic ones: “…” in English, „…” in Dutch. */
function curlQuotes(line: string, lang: 'en' | 'nl'): string {
  let s = line.replace(/``/g, '“');
  s = s.replace(/"/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + 1];
    const opening = (before === undefined || /[\s([]/.test(before)) && after !== undefined && !/\s/.test(after);
    if (!opening) return '”';
    return lang === 'nl' ? '„' : '“';
  });
  return s;
}

/** One source line → clean text: links, inline HTML, emphasis, quotes, spacing. */
export function cleanLine(raw: string, lang: 'en' | 'nl'): string {
  let s = raw.replace(/[\t\u00a0]/g, ' ');
  // Links keep their text; targets may contain one level of parentheses: (../treaty/(wct)/(1996)/README.md).
  s = s.replace(/\[(\s*)([^\]]*?)(\s*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, (_m, l: string, text: string, r: string) => `${l}${text}${r}`);
  s = s.replace(/<sup>\s*/gi, ' [').replace(/\s*<\/sup>/gi, '] ');
  s = s.replace(/<[^>]+>/g, '');
  s = stripEmphasis(s);
  s = curlQuotes(s, lang);
  s = s.replace(/ {2,}/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim();
  // A list marker glued to its text ("a)that", "i.De", "(i)The") gets its space back.
  s = s.replace(/^(\([a-z0-9]{1,4}\)|[a-z0-9]{1,4}[.)])(?=[\p{L}„“(])/u, '$1 ');
  return s;
}

function parsePart(lines: readonly string[], lang: 'en' | 'nl'): ParsedPart {
  const articles: ParsedArticle[] = [];
  let current: { number: string; title?: string; paragraphs: string[] } | undefined;
  let expectTitle = false;
  let testimonium: string | undefined;
  let closed = false; // after a chapter heading or the closing formula: text belongs to no article

  const finish = () => {
    if (current) articles.push({ number: current.number, ...(current.title ? { title: current.title } : {}), text: current.paragraphs.join('\n\n') });
    current = undefined;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const article = ARTICLE.exec(line.trim());
    if (article) {
      finish();
      current = { number: article[2]!, paragraphs: [] };
      expectTitle = true;
      closed = false;
      continue;
    }
    if (HEADING3.test(line)) {
      finish();
      closed = true;
      expectTitle = false;
      continue;
    }
    const h4 = HEADING4.exec(line);
    if (h4) {
      if (current && expectTitle && !closed) current.title = cleanLine(h4[1] ?? '', lang);
      expectTitle = false;
      continue;
    }
    expectTitle = false;
    const text = cleanLine(line, lang);
    if (!text) continue;
    if (TESTIMONIUM.test(text)) {
      finish();
      closed = true;
      testimonium = testimonium ? `${testimonium} ${text}` : text;
      continue;
    }
    if (closed && testimonium && !current) {
      testimonium = `${testimonium} ${text}`;
      continue;
    }
    if (current && !closed) current.paragraphs.push(text);
  }
  finish();
  return { articles, ...(testimonium ? { testimonium } : {}) };
}

/**
 * Split a file into its English and Dutch parts and parse each. The Dutch part starts at the line
 * "####<Dutch title>" that repeats the "##<Dutch title>" heading at the top of the file.
 */
export function parseTreatyMarkdown(source: string): ParsedTreaty {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const titleLine = lines.findIndex((l) => /^##(?!#)/.test(l));
  if (titleLine < 0) throw new Error('no "##" title line');
  const titleNl = lines[titleLine]!.replace(/^##/, '').trim();
  const enTitleLine = lines.findIndex((l, i) => i > titleLine && HEADING4.test(l));
  const titleEn = enTitleLine >= 0 ? (HEADING4.exec(lines[enTitleLine]!)?.[1] ?? '').trim() : '';
  const norm = (t: string) => t.trim().replace(/[.\s]+$/, '').toLowerCase();
  const split = lines.findIndex((l, i) => i > enTitleLine && norm(HEADING4.exec(l)?.[1] ?? '') === norm(titleNl));
  if (split < 0) throw new Error(`no Dutch part (expected a line "####${titleNl}")`);
  return {
    titleNl,
    titleEn,
    en: parsePart(lines.slice(enTitleLine + 1, split), 'en'),
    nl: parsePart(lines.slice(split + 1), 'nl'),
  };
}
