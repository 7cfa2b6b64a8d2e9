/**
 * The DOCX book (docx package): a heading per country, per authority its functions, details,
 * contact persons and requirements as tables; right-to-left paragraphs for Arabic text. The
 * contents are a Word table-of-contents field over the country headings (Heading 1), marked dirty
 * and with "update fields" set, so Word fills in the page numbers when the document is opened
 * (LibreOffice: Tools > Update); until then the field shows the countries, linked to their headings
 * (bookmarks), without numbers. The pages depend on the word processor's layout, so the PDF book's
 * numbers are not copied; a note under the contents says how the numbers come.
 * In Arabic the contents are right to left through their paragraph style (TOC 1, the style Word gives
 * the entries it writes when it updates the field: direct formatting on the entries would be lost
 * then) and through the document defaults, which also set the field's own paragraphs when no entry
 * is listed. docx types paragraph styles without `bidirectional`, which its ParagraphProperties
 * writes for styles as for paragraphs (`w:bidi`).
 * docx builds the whole document in memory before packing it: one paragraph tree per authority.
 */
import fs from 'node:fs';
import { Bookmark, Document, HeadingLevel, type IStylesOptions, Packer, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { dirT, pageRefs } from '../pages/ui.js';
import { authorityBatches } from './stream.js';
import { bookAuthority, bookCountries, type BookText } from './book-model.js';
import type { BookOptions } from './book-html.js';

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const isRtl = (text: string, lang?: string) => (lang ? /^(ar|he|fa|ur)\b/.test(lang) : false) || RTL.test(text);

function para(text: string, bookRtl: boolean, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; lang?: string; bold?: boolean; bookmark?: string } = {}): Paragraph {
  const rtl = isRtl(text, options.lang) || (bookRtl && !options.lang);
  const lines = text.split('\n');
  const runs: ParagraphChild[] = lines.map((line, i) => new TextRun({ text: line, rightToLeft: rtl, bold: options.bold ?? false, break: i ? 1 : 0 }));
  const children = options.bookmark ? [new Bookmark({ id: options.bookmark, children: runs as TextRun[] })] : runs;
  return new Paragraph({ children, bidirectional: rtl, ...(options.heading ? { heading: options.heading } : {}) });
}

const bt = (v: BookText, rtl: boolean) => para(v.text, rtl, v.lang ? { lang: v.lang } : {});

function table(rows: (string | BookText)[][], rtl: boolean, header = true): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: rtl,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: header && r === 0,
          children: cells.map((c) => new TableCell({ children: [typeof c === 'string' ? para(c, rtl, { bold: header && r === 0 }) : bt(c, rtl)] })),
        }),
    ),
  });
}

/** A country heading's bookmark (the cached contents link to it). */
const bookmarkOf = (country: string) => `country_${country.replace(/[^A-Za-z0-9]/g, '_')}`;

/** Write the DOCX book to a file. */
export async function buildBookDocx(db: Kysely<DB>, options: BookOptions, file: string): Promise<void> {
  await fs.promises.writeFile(file, await bookDocx(db, options), { mode: 0o600 });
}

/** The style of the contents' entries (Word's built-in "toc 1"; docx gives cached level-1 entries this style id). */
export const TOC_STYLE = 'TOC1';

/** Styles of the book: right to left by default and in the contents for Arabic. */
function bookStyles(rtl: boolean): IStylesOptions {
  const tocStyle = { id: TOC_STYLE, name: 'toc 1', basedOn: 'Normal', next: 'Normal', quickFormat: true };
  if (!rtl) return { paragraphStyles: [tocStyle] };
  // `bidirectional` is written as <w:bidi/> in a style's paragraph properties (see the comment at the top).
  const paragraph = { bidirectional: true } as Record<string, unknown>;
  return {
    default: { document: { paragraph, run: { rightToLeft: true } } },
    paragraphStyles: [{ ...tocStyle, paragraph, run: { rightToLeft: true } }],
  };
}

/** The DOCX book as bytes. */
export async function bookDocx(db: Kysely<DB>, options: BookOptions): Promise<Buffer> {
  const { lang, viewer } = options;
  const rtl = lang === 'ar';
  const t = dirT(lang);
  const refs = await pageRefs(db);
  const counts = await bookCountries(db, refs, lang);
  const total = counts.reduce((n, c) => n + c.n, 0);
  const children: (Paragraph | Table)[] = [
    para(t('book_title'), rtl, { heading: HeadingLevel.TITLE }),
    para(t('book_count', { count: total, states: counts.length }), rtl),
    para(viewer.restricted ? t('book_edition_restricted') : t('book_edition_public'), rtl),
    para(t('book_generated', { date: formatDate(lang, options.now ?? new Date()), site: options.site }), rtl),
    // Not a Heading 1: the contents do not list themselves.
    para(t('book_contents'), rtl, { bold: true }),
    new TableOfContents(t('book_contents'), {
      hyperlink: true,
      headingStyleRange: '1-1',
      beginDirty: true,
      cachedEntries: counts.map((c) => ({ title: c.label, level: 1, href: bookmarkOf(c.country) })),
    }),
    para(t('book_toc_note'), rtl),
  ];
  for (const c of counts) {
    children.push(para(c.label, rtl, { heading: HeadingLevel.HEADING_1, bookmark: bookmarkOf(c.country) }));
    for await (const batch of authorityBatches(db, viewer, 200, c.country)) {
      for (const item of batch) {
      const a = bookAuthority(item.doc, item, refs, lang);
      const tags = [item.demo ? t('demo_label') : '', item.stale ? t('badge_stale') : ''].filter(Boolean).join(' · ');
      children.push(para(`${a.name.text}${tags ? ` — ${tags}` : ''}`, rtl, { heading: HeadingLevel.HEADING_2, ...(a.name.lang ? { lang: a.name.lang } : {}) }));
      for (const n of a.otherNames) children.push(bt(n, rtl));
      children.push(table([[t('functions'), t('designated_under')], ...a.functions.map((f) => [f.note ? `${f.label}\n${f.note.text}` : f.label, f.basis])], rtl));
      if (a.details.length) children.push(table(a.details.map((d) => [d.label, d.value]), rtl, false));
      if (a.contacts.length) {
        children.push(para(t('contacts'), rtl, { heading: HeadingLevel.HEADING_3 }));
        children.push(table([[t('contact_name'), t('contact_title'), t('contact_phone'), t('contact_email')], ...a.contacts.map((c) => [c.name, c.title, c.phone, c.email])], rtl));
      }
      if (a.requirements.length) {
        children.push(para(t('requirements'), rtl, { heading: HeadingLevel.HEADING_3 }));
        children.push(table([[t('col_measure'), t('col_status'), t('col_conditions')], ...a.requirements.map((r) => [r.measure, r.status, r.conditions ?? ''])], rtl));
      }
      for (const x of a.texts) {
        children.push(para(x.label, rtl, { heading: HeadingLevel.HEADING_3 }));
        children.push(bt(x.value, rtl));
      }
      }
    }
  }
  // updateFields: Word asks to update the fields (the contents' page numbers) when the file is opened.
  const doc = new Document({ creator: 'Palermo', title: t('book_title'), description: t('book_title'), features: { updateFields: true }, styles: bookStyles(rtl), sections: [{ properties: {}, children }] });
  return Packer.toBuffer(doc);
}
