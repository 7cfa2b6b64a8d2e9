/**
 * Akoma Ntoso document → knowledge records: the act becomes a `law`, each article-level unit of its
 * main body a `legislation` extract. Pure: the country table is given as a lookup.
 */
import type { CaseDocument, LawDocument, LegislationDocument } from '../../knowledge/index.js';
import { mapJudgment, workCountryAndLanguage } from './akn-judgment.js';
import type { AknDocument, AknUnit } from './akn-read.js';
import { extractId, isEntryId, lawIdFromWorkUri, workUri } from './akn-ids.js';
import type { LineIssue } from './report.js';

export interface MappedRecord {
  line: number;
  /** Names the element in error messages, e.g. "section[chp_2__sec_35]". */
  label: string;
  value: LawDocument | LegislationDocument | CaseDocument;
}

export interface AknMapping {
  records: MappedRecord[];
  issues: LineIssue[];
}

const LEGISLATIVE = new Set(['act', 'bill']);

/** What an Akoma Ntoso document is imported as: `law` (an act or bill, with its sections as legislation extracts) or `case` (a judgment). */
export type AknImportType = 'law' | 'case';

/** The import type of an Akoma Ntoso document type, or undefined when Palermo does not import it. */
export function aknImportType(docType: string | undefined): AknImportType | undefined {
  if (docType === 'judgment') return 'case';
  return LEGISLATIVE.has(docType ?? '') ? 'law' : undefined;
}
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cleanNum(num: string | undefined): string | undefined {
  const n = num?.trim().replace(/[.:]+$/, '').trim();
  return n || undefined;
}

function unitNum(unit: AknUnit): string | undefined {
  return cleanNum(unit.num) ?? (unit.eId ? /_([^_]+)$/.exec(unit.eId)?.[1] : undefined);
}

/** "Section 35", "Article 5"; a number that already has words ("Art. 694") is kept as it is. */
export function articleRefOf(kind: AknUnit['kind'], num: string): string {
  return /^\p{L}/u.test(num) ? num : `${kind === 'section' ? 'Section' : 'Article'} ${num}`;
}

function titleOf(doc: AknDocument): string {
  const alias = doc.work.aliases.find((a) => (a.name === undefined || /^(title|short|shorttitle|short_title)$/i.test(a.name)) && !/^untitled$/i.test(a.value.trim()));
  const uri = workUri(doc.work.uri ?? doc.work.this ?? '');
  const parts = uri.split('/').filter(Boolean);
  return (
    alias?.value.trim() ||
    doc.docTitle ||
    doc.shortTitle ||
    doc.work.name ||
    doc.longTitle ||
    `${doc.docType ?? 'act'} ${doc.work.number ?? parts[parts.length - 1] ?? ''} (${parts.slice(1).join('/')})`.trim()
  );
}

/**
 * The records of a document: checked after the namespace (the reader's), then its type: a type
 * Palermo does not import, or one that is not the `expected` type (--type), is an error naming it.
 */
export function mapAkn(doc: AknDocument, countryByIso2: (iso2: string) => string | undefined, expected?: AknImportType): AknMapping {
  const issues: LineIssue[] = [...doc.issues];
  if (issues.length) return { records: [], issues };
  const at = (field: string, message: string) => issues.push({ line: doc.docLine, field, message });
  const kind = aknImportType(doc.docType);
  if (!kind) {
    at('akomaNtoso', `<${doc.docType}> is a document type Palermo does not import: expected an <act> or a <bill> (legislation) or a <judgment> (case law)`);
    return { records: [], issues };
  }
  if (expected && expected !== kind) {
    at('akomaNtoso', `--type ${expected} was given but the document is a <${doc.docType}>, imported as ${kind === 'case' ? 'case law (--type case)' : 'a law and its extracts (--type law)'}`);
    return { records: [], issues };
  }
  if (kind === 'case') {
    const judgment = mapJudgment(doc, countryByIso2);
    return { records: judgment.record ? [{ line: doc.docLine, label: 'judgment', value: judgment.record }] : [], issues: judgment.issues };
  }
  const palermo = doc.palermo?.attributes ?? {};
  const uri = doc.work.uri ?? doc.work.this;
  let lawId: string | undefined;
  if (isEntryId(palermo.id)) lawId = palermo.id;
  else if (!uri) at('FRBRWork.FRBRuri', 'is missing: the work URI identifies the law');
  else {
    lawId = lawIdFromWorkUri(uri);
    if (!lawId) at('FRBRWork.FRBRuri', `"${uri}" gives no usable identifier`);
  }

  const { country, lang } = workCountryAndLanguage(doc, uri, countryByIso2, at);

  const workDate = doc.work.dates[0]?.date;
  const exprDate = doc.expression.dates[0]?.date;
  const adopted = 'adoptedOn' in palermo ? palermo.adoptedOn : workDate && FULL_DATE.test(workDate) ? workDate : undefined;
  const amended = 'amendedOn' in palermo ? palermo.amendedOn : exprDate && FULL_DATE.test(exprDate) && exprDate !== adopted ? exprDate : undefined;

  const fullText = doc.palermo ? doc.palermo.fullText : doc.fullText;
  if (doc.fullTextOverflow && !doc.palermo) at('act', 'the text is longer than 20,000,000 characters');
  if (issues.length || !lawId || !country || !lang) return { records: [], issues };

  const demo = palermo.demo === 'true';
  const law: LawDocument = {
    type: 'law',
    id: lawId,
    country,
    original_lang: lang,
    texts: { [lang]: { title: titleOf(doc), ...(fullText ? { full_text: fullText } : {}) } },
    ...(adopted ? { adopted_on: adopted } : {}),
    ...(amended ? { amended_on: amended } : {}),
    ...(palermo.citation ? { citation: palermo.citation } : {}),
    ...(palermo.sourceUrl ? { source_url: palermo.sourceUrl } : {}),
    ...(demo ? { demo: true } : {}),
  };
  const records: MappedRecord[] = [{ line: doc.docLine, label: doc.docType ?? 'act', value: law }];

  const used = new Set<string>();
  doc.units.forEach((unit, position) => {
    const label = `${unit.kind}[${unit.eId ?? unit.num ?? position + 1}]`;
    const num = unitNum(unit);
    if (!num) {
      issues.push({ line: unit.line, field: label, message: 'has no <num> and no eId to number it' });
      return;
    }
    const guid = unit.guid?.startsWith('palermo:') ? unit.guid.slice('palermo:'.length) : undefined;
    let id = isEntryId(guid) ? guid : extractId(lawId, `${unit.kind === 'section' ? 'sec' : 'art'}-${num}`);
    if (used.has(id) && unit.eId) id = extractId(lawId, unit.eId);
    for (let n = 2; used.has(id); n++) id = extractId(lawId, `${unit.kind === 'section' ? 'sec' : 'art'}-${num}-${n}`);
    used.add(id);
    const articleRef = articleRefOf(unit.kind, num);
    const extract: LegislationDocument = {
      type: 'legislation',
      id,
      country,
      law_id: lawId,
      article_ref: articleRef,
      position,
      original_lang: lang,
      texts: { [lang]: { title: unit.heading || articleRef, ...(unit.body ? { body: unit.body } : {}) } },
      ...(demo ? { demo: true } : {}),
    };
    records.push({ line: unit.line, label, value: extract });
  });
  return { records, issues };
}
