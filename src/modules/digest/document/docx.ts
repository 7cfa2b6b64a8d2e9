/**
 * The digest as a Word document (docx package): the same content as the page — the four tables of
 * counts, then each case under each of its types of cooperation with its facts and summary, the
 * title linked to the case's page. Right-to-left paragraphs and tables for Arabic.
 */
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Lang } from '../../../platform/i18n/languages.js';
import { formatDate, formatNumber } from '../../../platform/i18n/messages.js';
import { languageName } from '../../directory/index.js';
import { entryPath } from '../../knowledge/index.js';
import { GROUPINGS, type Digest, type DigestCase } from '../domain/digest.js';
import { COLUMN, HEADING, fallbackOf } from '../pages/body.js';
import { dgT } from '../texts.js';

const RTL_TEXT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

function para(text: string, pageRtl: boolean, options: { heading?: Heading; bold?: boolean; lang?: string } = {}): Paragraph {
  const rtl = options.lang ? /^ar\b/.test(options.lang) || RTL_TEXT.test(text) : pageRtl;
  return new Paragraph({ children: [new TextRun({ text, rightToLeft: rtl, bold: options.bold ?? false })], bidirectional: rtl, ...(options.heading ? { heading: options.heading } : {}) });
}

function countsTable(rows: string[][], rtl: boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: rtl,
    rows: rows.map((cells, r) => new TableRow({ tableHeader: r === 0, children: cells.map((c) => new TableCell({ children: [para(c, rtl, { bold: r === 0 })] })) })),
  });
}

function caseParagraphs(lang: Lang, c: DigestCase, site: string, rtl: boolean): Paragraph[] {
  const t = dgT(lang);
  const titleRtl = /^ar\b/.test(c.title.lang) || RTL_TEXT.test(c.title.text);
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      bidirectional: titleRtl,
      children: [new ExternalHyperlink({ link: `${site}/${lang}${entryPath('case', c.id)}`, children: [new TextRun({ text: c.title.text, style: 'Hyperlink', rightToLeft: titleRtl })] })],
    }),
  ];
  const facts: [string, string | undefined][] = [
    [t('field_state'), c.region ? t('state_region', { state: c.countryName, region: c.region }) : c.countryName],
    [t('field_court'), c.court],
    [t('field_number'), c.caseNumber],
    [t('field_date'), c.decisionDate ? formatDate(lang, c.decisionDate) : undefined],
    [t('field_cooperation'), c.cooperation.join(' · ') || undefined],
    [t('field_offences'), c.offences.join(' · ') || undefined],
    [t('field_instruments'), c.instruments.join(' · ') || undefined],
    [t('field_cooperating'), c.cooperatingStates.join(' · ') || undefined],
  ];
  for (const [label, value] of facts) if (value) out.push(para(`${label}: ${value}`, rtl));
  const shownIn = fallbackOf(c);
  if (shownIn) out.push(para(t('fallback', { language: languageName(lang, shownIn) }), rtl));
  out.push(c.summary ? para(c.summary.text, rtl, { lang: c.summary.lang }) : para(t('no_summary'), rtl));
  return out;
}

/** The DOCX bytes of the digest in its language. */
export async function digestDocx(digest: Digest, options: { site: string; now: Date }): Promise<Buffer> {
  const lang = digest.lang;
  const t = dgT(lang);
  const rtl = lang === 'ar';
  const children: (Paragraph | Table)[] = [
    para(t('title'), rtl, { heading: HeadingLevel.TITLE }),
    para(t('intro'), rtl),
    para(t('generated', { date: formatDate(lang, options.now), site: options.site }), rtl),
    para(t('total', { count: digest.total }), rtl, { bold: true }),
  ];
  for (const g of GROUPINGS) {
    children.push(para(t(HEADING[g]), rtl, { heading: HeadingLevel.HEADING_1 }));
    const groups = digest.groups[g];
    if (!groups.length) children.push(para(t(g === 'instrument' ? 'no_instrument' : 'empty'), rtl));
    else children.push(countsTable([[t(COLUMN[g]), t('col_cases')], ...groups.map((x) => [x.label, formatNumber(lang, x.count)])], rtl));
  }
  children.push(para(t('several_groups'), rtl));
  children.push(para(t('cases_heading'), rtl, { heading: HeadingLevel.HEADING_1 }));
  if (!digest.cases.length) children.push(para(t('empty'), rtl));
  const byId = new Map(digest.cases.map((c) => [c.id, c]));
  for (const g of digest.groups.cooperation) {
    children.push(para(`${g.label} (${t('total', { count: g.count })})`, rtl, { heading: HeadingLevel.HEADING_2 }));
    for (const id of g.caseIds) {
      const c = byId.get(id);
      if (c) children.push(...caseParagraphs(lang, c, options.site, rtl));
    }
  }
  const doc = new Document({ creator: 'Palermo', title: t('title'), description: t('intro'), sections: [{ properties: {}, children }] });
  return Packer.toBuffer(doc);
}
