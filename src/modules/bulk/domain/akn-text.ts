/**
 * Plain text from Akoma Ntoso markup: block elements become lines, a number stays on the line of
 * what it numbers ("(a) to remain silent;"), whitespace inside a line is collapsed. Pure.
 */

export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** Pre-release namespaces of Akoma Ntoso 3.0 (committee specification drafts, working drafts: ".../3.0/CSD13"), still used by courts. */
const AKN_PRE_RELEASE = /^http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0\/(?:CSD|WD|PR|CS|CSPRD)\d{1,2}$/;

/** Whether a namespace URI is Akoma Ntoso 3.0 or one of its pre-release namespaces. */
export function isAknNamespace(uri: string | undefined): boolean {
  return uri === AKN_NS || (!!uri && AKN_PRE_RELEASE.test(uri));
}
/** Namespace of Palermo's own metadata inside <proprietary> (exports of Palermo). */
export const PALERMO_NS = 'urn:palermo:akn:1';

/** Elements that start and end a line of text. */
export const BLOCK_ELEMENTS = new Set([
  'act', 'bill', 'doc', 'judgment', 'header', 'judgmentBody', 'introduction', 'background', 'arguments', 'remedies', 'motivation', 'decision', 'coverPage', 'preface', 'preamble', 'body', 'mainBody', 'conclusions', 'attachments', 'attachment', 'components', 'component',
  'longTitle', 'formula', 'recitals', 'recital', 'citations', 'citation',
  'book', 'tome', 'part', 'subpart', 'title', 'subtitle', 'chapter', 'subchapter', 'division', 'subdivision',
  'section', 'subsection', 'article', 'paragraph', 'subparagraph', 'clause', 'subclause', 'point', 'indent', 'alinea', 'rule', 'subrule',
  'proviso', 'list', 'sublist', 'level', 'transitional', 'hcontainer', 'container', 'blockContainer', 'crossHeading',
  'heading', 'subheading', 'content', 'intro', 'wrapUp', 'wrap', 'blockList', 'item', 'listIntroduction', 'listWrapUp',
  'p', 'block', 'tblock', 'foreign', 'ul', 'ol', 'li', 'table', 'tr', 'caption', 'quotedStructure', 'embeddedStructure',
  'blockQuote', 'toc', 'tocItem', 'br', 'eol', 'eop',
]);

/** Groupings above article level: their numbers are labelled ("Chapter 2"). */
export const CONTAINER_ELEMENTS = new Set(['book', 'tome', 'part', 'subpart', 'title', 'subtitle', 'chapter', 'subchapter', 'division', 'subdivision']);

/** Elements whose text is not content. */
export const SKIPPED_ELEMENTS = new Set(['meta', 'img', 'authorialNote', 'noteRef']);

export const MAX_TEXT_CHARS = 20_000_000;

export class PlainText {
  private lines: string[] = [];
  private current = '';
  private numOnly = false;
  private size = 0;
  /** True once more than MAX_TEXT_CHARS were written; further text is dropped. */
  overflow = false;

  /** End the current line (unless it holds only a number, which stays with what follows). */
  block(): void {
    if (this.numOnly) return;
    const line = this.current.replace(/ {2,}/g, ' ').trim();
    if (line) this.lines.push(line);
    this.current = '';
  }

  text(raw: string): void {
    const s = raw.replace(/[\s\u00a0]+/g, ' ');
    if (!s) return;
    this.size += s.length;
    if (this.size > MAX_TEXT_CHARS) {
      this.overflow = true;
      return;
    }
    this.current += s;
    if (s.trim()) this.numOnly = false;
  }

  /** A number: it starts a line and what follows continues that line. */
  num(value: string): void {
    this.block();
    this.text(value);
    this.text(' ');
    this.numOnly = this.current.trim().length > 0;
  }

  /** End the current line and leave a blank line: the next text starts a new paragraph. */
  paragraph(): void {
    this.block();
    if (this.current.trim()) return;
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  /** The completed lines so far. */
  peek(): string {
    return this.lines.join('\n');
  }

  /** Let the next block start a new line even after a number. */
  release(): void {
    this.numOnly = false;
  }

  finish(): string {
    this.numOnly = false;
    this.block();
    return this.lines.join('\n').trim();
  }
}

/** Normalised inline text (one line). */
export function inline(value: string): string {
  return value.replace(/[\s\u00a0]+/g, ' ').trim();
}
