/**
 * Snippets as parts (plain text, some of it marked as a match), from ts_headline output or cut by
 * the application (CJK text, no query). The HTML form escapes every part. Pure.
 */
export interface SnippetPart {
  text: string;
  mark?: true;
}

export const SNIPPET_CHARS = 280;

const collapse = (s: string) => s.replace(/\s+/gu, ' ');

/** Split ts_headline output on its selection markers. */
export function partsFromHeadline(headline: string, start: string, end: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = collapse(headline).trim();
  while (rest) {
    const i = rest.indexOf(start);
    if (i === -1) {
      parts.push({ text: rest.replaceAll(end, '') });
      break;
    }
    if (i > 0) parts.push({ text: rest.slice(0, i).replaceAll(end, '') });
    const j = rest.indexOf(end, i + start.length);
    const marked = rest.slice(i + start.length, j === -1 ? undefined : j).replaceAll(start, '');
    if (marked) parts.push({ text: marked, mark: true });
    rest = j === -1 ? '' : rest.slice(j + end.length);
  }
  return parts.filter((p) => p.text);
}

/** Where a sentence ends: . ! ? … and their Arabic, Chinese and full-width forms. */
const SENTENCE_END = /[.!?…。！？؟;；]$/u;
const FRAGMENTS = ' … ';
/** Characters a fragment is extended back to the start of its sentence at most. */
export const SENTENCE_REACH = 80;

/**
 * Frame ts_headline output in its text: a fragment is extended back to the start of its sentence
 * when that is near, and an ellipsis marks each end that cuts the text (not at its start or end,
 * nor after the end of a sentence). Parts are left as they are when they cannot be found in the text.
 */
export function frameSnippet(parts: readonly SnippetPart[], text: string): SnippetPart[] {
  const full = collapse(text).trim();
  const plain = snippetText(parts);
  if (!plain || !full) return [...parts];
  const fragments = plain.split(FRAGMENTS);
  const first = fragments[0]!;
  const last = fragments[fragments.length - 1]!;
  const start = full.indexOf(first);
  if (start === -1) return [...parts];
  const out: SnippetPart[] = [];
  if (start > 0 && !SENTENCE_END.test(full.slice(0, start).trimEnd())) {
    // Back to the start of the sentence (or of the text) when it is near, else an ellipsis.
    const before = full.slice(Math.max(0, start - SENTENCE_REACH), start);
    let from = -1;
    for (const m of ['. ', '! ', '? ', '… ', '; ', '؟ ', '。', '！', '？', '；']) {
      const i = before.lastIndexOf(m);
      if (i !== -1) from = Math.max(from, i + m.length);
    }
    if (from >= 0) out.push({ text: before.slice(from) });
    else if (start <= SENTENCE_REACH) out.push({ text: before });
    else out.push({ text: '… ' });
  }
  out.push(...parts);
  const lastAt = full.indexOf(last, fragments.length > 1 ? start + first.length : start);
  const end = lastAt === -1 ? -1 : lastAt + last.length;
  if (end !== -1 && end < full.length && !SENTENCE_END.test(last.trimEnd())) {
    // A fragment that stops just before the end of its sentence takes the punctuation instead of an ellipsis.
    const stop = /^[.!?…。！？؟;；]/u.exec(full.slice(end))?.[0];
    out.push({ text: stop ?? ' …' });
  }
  return out;
}

/** Cut at a word boundary near `max` characters (CJK text has none: cut anywhere). */
function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  return `${space > max * 0.6 ? head.slice(0, space) : head} …`;
}

/** The beginning of a text, without highlighting. */
export function leadSnippet(text: string, max = SNIPPET_CHARS): SnippetPart[] {
  const t = collapse(text).trim();
  return t ? [{ text: cut(t, max) }] : [];
}

/**
 * A window of the text around the first occurrence of any term, every occurrence marked
 * (used for CJK text, where words are not separated by spaces).
 */
export function substringSnippet(text: string, terms: readonly string[], max = SNIPPET_CHARS / 2): SnippetPart[] {
  const t = collapse(text).trim();
  const needles = [...new Set(terms.map((x) => x.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const lower = t.toLowerCase();
  // toLowerCase can change lengths in rare scripts; fall back to the lead when it does.
  if (!needles.length || lower.length !== t.length) return leadSnippet(t, max);
  let first = -1;
  for (const n of needles) {
    const i = lower.indexOf(n);
    if (i !== -1 && (first === -1 || i < first)) first = i;
  }
  if (first === -1) return leadSnippet(t, max);
  const from = Math.max(0, first - Math.floor(max / 4));
  const to = Math.min(t.length, from + max);
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ' });
  let i = from;
  while (i < to) {
    let hit: string | undefined;
    for (const n of needles) if (lower.startsWith(n, i)) { hit = n; break; }
    if (hit) {
      parts.push({ text: t.slice(i, i + hit.length), mark: true });
      i += hit.length;
      continue;
    }
    let j = i + 1;
    while (j < to && !needles.some((n) => lower.startsWith(n, j))) j++;
    parts.push({ text: t.slice(i, j) });
    i = j;
  }
  if (to < t.length) parts.push({ text: ' …' });
  return parts;
}

export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escaped HTML with matches in <mark>. */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}
