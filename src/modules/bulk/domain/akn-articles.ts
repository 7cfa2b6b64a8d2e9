/**
 * The articles of an Akoma Ntoso act held whole in memory (a treaty's language version, imported by a
 * curator through the reference module): the same reader as the act and judgment import, without
 * the mapping to knowledge records. Pure.
 */
import { AknReader } from './akn-read.js';
import { bcp47FromIso639 } from './akn-ids.js';
import type { LineIssue } from './report.js';

export interface AknArticle {
  line: number;
  /** The number as marked up ("Article 18", "18.", "第十八条"); the eId's last part when there is no <num>. */
  num?: string;
  eId?: string;
  heading?: string;
  /** Paragraphs separated by a blank line. */
  text: string;
}

export interface AknArticles {
  /** act, bill, judgment… (the element under <akomaNtoso>). */
  docType?: string;
  docLine: number;
  /** The expression's FRBRlanguage as a BCP 47 tag ("fra" → "fr"), when given. */
  language?: string;
  title?: string;
  articles: AknArticle[];
  issues: LineIssue[];
}

/** Document types whose <article>/<section> units are read: the legislative ones, as in the act import. */
const ACT_TYPES = new Set(['act', 'bill']);

export function readAknArticles(content: string): AknArticles {
  const reader = new AknReader();
  reader.write(content.replace(/^\uFEFF/, ''));
  const doc = reader.end();
  const issues = [...doc.issues];
  if (!issues.length && !ACT_TYPES.has(doc.docType ?? '')) {
    issues.push({ line: doc.docLine, field: doc.docType ?? 'akomaNtoso', message: `is an Akoma Ntoso <${doc.docType}> document; a treaty text is read from an <act> (or <bill>) with <article> elements` });
  }
  const language = doc.expression.language ? (bcp47FromIso639(doc.expression.language) ?? doc.expression.language) : undefined;
  const title = doc.docTitle ?? doc.shortTitle ?? doc.longTitle;
  return {
    ...(doc.docType ? { docType: doc.docType } : {}),
    docLine: doc.docLine,
    ...(language ? { language } : {}),
    ...(title ? { title } : {}),
    articles: issues.length
      ? []
      : doc.units.map((u) => ({
          line: u.line,
          ...(u.num ? { num: u.num } : {}),
          ...(u.eId ? { eId: u.eId } : {}),
          ...(u.heading ? { heading: u.heading } : {}),
          text: u.body
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .join('\n\n'),
        })),
    issues,
  };
}
