/**
 * The text of a judgment: one paragraph per block (blocks separated by blank lines, as the Akoma
 * Ntoso import writes them); a block that starts with the next paragraph number ("12." or "12")
 * gets the anchor #para-12 and its number links to it, so that a paragraph can be cited by URL.
 * Numbers must follow on (a gap of one is tolerated): numbered paragraphs quoted from another
 * decision or statute ("31." between paragraphs 20 and 21) are not taken for the judgment's own.
 */
import type { Lang } from '../../../platform/i18n/languages.js';
import { portalT } from './entry.js';
import { contentLang } from './ui.js';

const NUMBERED = /^(\d{1,4})(\.?)\s+(.*)$/s;

export interface TextBlock {
  text: string;
  num?: string;
  /** The anchor of a numbered paragraph: "para-12". */
  anchor?: string;
}

/** Blocks of a text, numbered paragraphs marked. Pure. */
export function textBlocks(text: string): TextBlock[] {
  let last = 0;
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter(Boolean)
    .map((p) => {
      const m = NUMBERED.exec(p);
      const n = m ? Number(m[1]) : 0;
      if (!m || n <= last || n > last + 2) return { text: p };
      last = n;
      return { text: m[3]!, num: `${n}${m[2]}`, anchor: `para-${n}` };
    });
}

export function NumberedText(props: { text: string; page: Lang; lang?: string | undefined }) {
  const t = portalT(props.page);
  return (
    <div class="legal-text legal-text--numbered" {...contentLang(props.page, props.lang)}>
      {textBlocks(props.text).map((b) =>
        b.anchor ? (
          <p id={b.anchor}>
            <a class="para-num" href={`#${b.anchor}`} aria-label={t('paragraph_link', { num: b.num!.replace(/\.$/, '') })}>
              {b.num}
            </a>{' '}
            {b.text}
          </p>
        ) : (
          <p>{b.text}</p>
        ),
      )}
    </div>
  );
}
