/**
 * Akoma Ntoso <judgment> → a knowledge `case`: court, neutral citation, ECLI, date, parties,
 * judges, and the judgment's text with its numbered paragraphs (one paragraph per block, starting
 * with its number, so that the case page can link each one). Pure: the country table is a lookup.
 */
import type { CaseDocument } from '../../knowledge/index.js';
import type { AknDocument } from './akn-read.js';
import { bcp47FromIso639, iso2FromFrbrCountry, lawIdFromWorkUri, workUri } from './akn-ids.js';
import type { LineIssue } from './report.js';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ECLI = /^ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:[0-9]{4}:[A-Za-z0-9.]{1,25}$/;
/** A line naming a judge in the "Before:" block of a judgment's head. */
const JUDGE_LINE = /\b(JUSTICE|JUDGE|LORD|LADY|SIR|DAME|PRESIDENT|MASTER|RECORDER|MAGISTRATE)\b/i;

const ref = (doc: AknDocument, href: string | undefined) => (href ? doc.references[href.replace(/^#/, '')] : undefined);

/** Lines of the head between "Before:" and "Between:" that name judges (a layout the UK courts and many others use). */
export function judgesFromHead(head: string): string[] {
  const lines = head.split('\n').map((l) => l.trim()).filter(Boolean);
  const start = lines.findIndex((l) => /\bBefore\s*:?\s*$/i.test(l));
  if (start < 0) return [];
  const judges: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^Between\b/i.test(line) || /^-(\s*-)+$/.test(line)) break;
    if (!line.startsWith('(') && JUDGE_LINE.test(line) && line.length <= 200) judges.push(line.replace(/[\s,]+$/, ''));
  }
  return judges;
}

function neutralCitationOf(doc: AknDocument, head: string): string | undefined {
  const marked = doc.judgment.neutralCitation[0];
  if (marked) return marked;
  return /Neutral Citation(?: Number| No\.?)?\s*:?\s*(\[\d{4}\][^\n]*?)\s*(?:Case No\b|$)/im.exec(head)?.[1]?.trim() || undefined;
}

function caseNumberOf(doc: AknDocument, head: string): string | undefined {
  return doc.judgment.docNumber[0] ?? /\bCase No\.?\s*:?\s*([A-Z0-9][^\s]*(?: [A-Z0-9/]+\/[^\s]*)?)/i.exec(head)?.[1]?.trim();
}

type CaseParty = NonNullable<CaseDocument['parties']>[number];

function partiesOf(doc: AknDocument): CaseParty[] {
  const seen = new Set<string>();
  const parties: CaseParty[] = [];
  for (const p of doc.judgment.party) {
    const name = ref(doc, p.refersTo)?.showAs ?? p.name.replace(/^\(\d+\)\s*/, '');
    const role = ref(doc, p.as)?.showAs;
    const key = `${name}\u0000${role ?? ''}`;
    if (!seen.has(key)) parties.push({ name, ...(role ? { role } : {}) });
    seen.add(key);
  }
  if (parties.length) return parties;
  // No marked-up parties: the work's name "A v B".
  const names = doc.work.name?.split(/\s+v\.?\s+/) ?? [];
  return names.length === 2 ? names.map((name) => ({ name: name.trim() })).filter((p) => p.name) : [];
}

/** The country (alpha-3, through the FRBR country or the URI's first part) and language (BCP 47) of a work; problems go to `at`. */
export function workCountryAndLanguage(doc: AknDocument, uri: string | undefined, countryByIso2: (iso2: string) => string | undefined, at: (field: string, message: string) => void): { country?: string; lang?: string } {
  const countryCode = doc.work.country ?? (uri ? workUri(uri).replace(/^\/?akn\//, '').split('/')[0] : undefined);
  const iso2 = countryCode ? iso2FromFrbrCountry(countryCode) : undefined;
  const country = iso2 ? countryByIso2(iso2) : undefined;
  if (!countryCode) at('FRBRWork.FRBRcountry', 'is missing');
  else if (!country) at('FRBRWork.FRBRcountry', `"${countryCode}" is not a known country (ISO 3166-1 alpha-2 code expected)`);
  const langCode = doc.expression.language;
  const lang = langCode ? bcp47FromIso639(langCode) : undefined;
  if (!langCode) at('FRBRExpression.FRBRlanguage', 'is missing');
  else if (!lang) at('FRBRExpression.FRBRlanguage', `"${langCode}" is not a language code (ISO 639-2, e.g. eng, fra)`);
  return { ...(country ? { country } : {}), ...(lang ? { lang } : {}) };
}

export function mapJudgment(doc: AknDocument, countryByIso2: (iso2: string) => string | undefined): { record?: CaseDocument; issues: LineIssue[] } {
  const issues: LineIssue[] = [];
  const at = (field: string, message: string) => issues.push({ line: doc.docLine, field, message });
  const uri = doc.work.uri ?? doc.work.this;
  const id = uri ? lawIdFromWorkUri(uri) : undefined;
  if (!uri) at('FRBRWork.FRBRuri', 'is missing: the work URI identifies the judgment');
  else if (!id) at('FRBRWork.FRBRuri', `"${uri}" gives no usable identifier`);

  const { country, lang } = workCountryAndLanguage(doc, uri, countryByIso2, at);
  if (!doc.fullText) at('judgmentBody', 'the judgment has no text');
  if (issues.length || !id || !country || !lang) return { issues };

  const head = doc.headText ?? '';
  const dates = [...doc.work.dates.filter((d) => d.name === 'judgment' || d.name === 'decision'), ...doc.work.dates].map((d) => d.date);
  const decisionDate = [...dates, ...doc.judgment.docDate].find((d) => FULL_DATE.test(d));
  const citation = neutralCitationOf(doc, head);
  const ecli = doc.work.aliases.map((a) => a.value.trim()).find((v) => ECLI.test(v));
  const author = ref(doc, doc.work.author);
  const court = author?.kind === 'TLCOrganization' && author.showAs ? author.showAs : doc.judgment.courtType[0];
  const caseNumber = caseNumberOf(doc, head);
  const judges = doc.judgment.judge.length ? doc.judgment.judge : judgesFromHead(head);
  const parties = partiesOf(doc);
  const publisher = ref(doc, doc.source);
  const url = [uri, doc.work.this].find((u) => u && /^https?:\/\//.test(u));
  const sourceTitle = [publisher?.showAs, citation ?? workUri(uri!)].filter(Boolean).join(': ');
  const sourceUrl = url ?? publisher?.href;
  const title = doc.work.name?.trim() || doc.docTitle || citation || workUri(uri!);

  const record: CaseDocument = {
    type: 'case',
    id,
    country,
    original_lang: lang,
    texts: { [lang]: { title, body: doc.fullText } },
    ...(court ? { court } : {}),
    ...(caseNumber ? { case_number: caseNumber } : {}),
    ...(ecli ? { ecli } : {}),
    ...(decisionDate ? { decision_date: decisionDate } : {}),
    ...(citation ? { neutral_citation: citation } : {}),
    ...(parties.length ? { parties } : {}),
    ...(judges.length ? { judges } : {}),
    sources: [{ title: sourceTitle, ...(sourceUrl && /^https?:\/\/\S+$/.test(sourceUrl) ? { url: sourceUrl } : {}) }],
  };
  return { record, issues };
}
