/**
 * The document as DOCX (the docx package, as the directory book): headings, label/value paragraphs,
 * the clauses; right-to-left paragraphs for Arabic documents and for right-to-left text in others.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { DocItem, DocModel } from '../domain/document.js';

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function para(text: string, docRtl: boolean, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bold?: boolean; userText?: boolean } = {}): Paragraph {
  // The drafter's text takes its own direction; fixed parts the document's.
  const rtl = opts.userText ? RTL.test(text) : docRtl;
  const children: ParagraphChild[] = text.split('\n').map((line, i) => new TextRun({ text: line, rightToLeft: rtl, bold: opts.bold ?? false, break: i ? 1 : 0 }));
  return new Paragraph({ children, bidirectional: rtl, ...(opts.heading ? { heading: opts.heading } : {}) });
}

const items = (list: DocItem[], rtl: boolean) => list.flatMap((i) => [para(i.label, rtl, { bold: true }), para(i.value, rtl, { userText: i.userText })]);

export async function documentDocx(m: DocModel): Promise<Buffer> {
  const children: Paragraph[] = [para(m.title, m.rtl, { heading: HeadingLevel.TITLE }), ...items(m.meta, m.rtl)];
  for (const s of m.sections) {
    children.push(para(s.heading, m.rtl, { heading: HeadingLevel.HEADING_1 }));
    for (const x of s.sub ?? []) children.push(para(x.heading, m.rtl, { heading: HeadingLevel.HEADING_2 }), ...items(x.items, m.rtl));
    children.push(...items(s.items, m.rtl));
  }
  for (const c of m.clauses) children.push(para(c, m.rtl));
  const doc = new Document({ creator: 'Palermo', title: m.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
