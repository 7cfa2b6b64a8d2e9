/**
 * A law and its extracts as an Akoma Ntoso 3.0 act: FRBR metadata, the extracts as sections or
 * articles of the body, and Palermo's own fields (id, citation, full text…) under <proprietary> so
 * that a Palermo import of the file gives back the same law. Pure; every value is escaped.
 */
import type { LawDocument, LegislationDocument } from '../../knowledge/index.js';
import { AKN_NS, PALERMO_NS } from './akn-text.js';
import { iso639FromBcp47 } from './akn-ids.js';

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const attrs = (a: Record<string, string | undefined>) =>
  Object.entries(a)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');

export interface AknInput {
  law: LawDocument;
  /** Extracts of the law, in order. */
  extracts: readonly LegislationDocument[];
  /** ISO alpha-2 code of the law's country. */
  iso2: string;
  /** Date of the export (the manifestation date). */
  generatedOn: string;
}

/** The language the file is written in: the law's original language if it has that version. */
export function aknLanguage(law: LawDocument): string {
  return law.original_lang && law.texts[law.original_lang] ? law.original_lang : Object.keys(law.texts).sort()[0]!;
}

/** The FRBR work URI and its date: "/akn/za/act/1996/constitution" for an id made from one. */
export function workOf(law: LawDocument, iso2: string): { uri: string; date: string; number: string } {
  const cc = iso2.toLowerCase();
  const m = /^([a-z]{2})-act-(\d{4}(?:-\d{2}-\d{2})?)-(.+)$/.exec(law.id);
  if (m && m[1] === cc) return { uri: `/akn/${cc}/act/${m[2]}/${m[3]}`, date: m[2]!, number: m[3]! };
  const date = law.adopted_on ?? law.amended_on ?? (law.created_at ?? new Date(0).toISOString()).slice(0, 10);
  return { uri: `/akn/${cc}/act/${date}/${law.id}`, date, number: law.id };
}

function unitOf(extract: LegislationDocument, index: number): { kind: 'section' | 'article'; num: string } {
  const m = /^(Section|Article)\s+(.+)$/.exec(extract.article_ref ?? '');
  if (m) return { kind: m[1] === 'Section' ? 'section' : 'article', num: m[2]! };
  return { kind: 'article', num: extract.article_ref ?? String(index + 1) };
}

const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const paragraphs = (text: string | undefined, eId: string, indent: string) => {
  const ps = lines(text);
  if (!ps.length) return `${indent}<p eId="${eId}__p_1"/>\n`;
  return ps.map((p, i) => `${indent}<p eId="${eId}__p_${i + 1}">${escapeText(p)}</p>\n`).join('');
};

export function writeAkn(input: AknInput): string {
  const { law, extracts, iso2, generatedOn } = input;
  const lang = aknLanguage(law);
  const lang3 = iso639FromBcp47(lang);
  const text = law.texts[lang]!;
  const work = workOf(law, iso2);
  const exprDate = law.amended_on ?? law.adopted_on;
  const expr = `${work.uri}/${lang3}${exprDate ? `@${exprDate}` : ''}`;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(`<akomaNtoso xmlns="${AKN_NS}" xmlns:palermo="${PALERMO_NS}">\n`);
  out.push('  <act name="act">\n    <meta>\n      <identification source="#palermo">\n');
  out.push('        <FRBRWork>\n');
  out.push(`          <FRBRthis${attrs({ value: `${work.uri}/!main` })}/>\n`);
  out.push(`          <FRBRuri${attrs({ value: work.uri })}/>\n`);
  out.push(`          <FRBRalias${attrs({ value: text.title, name: 'title' })}/>\n`);
  out.push(`          <FRBRdate${attrs({ date: work.date, name: law.adopted_on ? 'enactment' : 'Generation' })}/>\n`);
  out.push('          <FRBRauthor href="#palermo"/>\n');
  out.push(`          <FRBRcountry${attrs({ value: iso2.toLowerCase() })}/>\n`);
  out.push(`          <FRBRnumber${attrs({ value: work.number })}/>\n`);
  out.push('        </FRBRWork>\n        <FRBRExpression>\n');
  out.push(`          <FRBRthis${attrs({ value: `${expr}/!main` })}/>\n`);
  out.push(`          <FRBRuri${attrs({ value: expr })}/>\n`);
  out.push(`          <FRBRdate${attrs({ date: exprDate ?? work.date, name: law.amended_on ? 'amendment' : 'Generation' })}/>\n`);
  out.push('          <FRBRauthor href="#palermo"/>\n');
  out.push(`          <FRBRlanguage${attrs({ language: lang3 })}/>\n`);
  out.push('        </FRBRExpression>\n        <FRBRManifestation>\n');
  out.push(`          <FRBRthis${attrs({ value: `${expr}/!main.xml` })}/>\n`);
  out.push(`          <FRBRuri${attrs({ value: `${expr}.akn` })}/>\n`);
  out.push(`          <FRBRdate${attrs({ date: generatedOn, name: 'transform' })}/>\n`);
  out.push('          <FRBRauthor href="#palermo"/>\n');
  out.push('        </FRBRManifestation>\n      </identification>\n');
  out.push('      <references source="#palermo">\n        <TLCOrganization eId="palermo" href="/ontology/organization/palermo" showAs="Palermo"/>\n      </references>\n');
  out.push('      <proprietary source="#palermo">\n');
  out.push(
    `        <palermo:law${attrs({
      id: law.id,
      adoptedOn: law.adopted_on ?? '',
      amendedOn: law.amended_on ?? '',
      citation: law.citation,
      sourceUrl: law.source_url,
      demo: law.demo ? 'true' : undefined,
    })}>`,
  );
  if (text.full_text) out.push(`<palermo:fullText>${escapeText(text.full_text)}</palermo:fullText>`);
  out.push('</palermo:law>\n      </proprietary>\n    </meta>\n');
  out.push(`    <preface>\n      <longTitle eId="preface__longTitle_1">\n        <p eId="preface__longTitle_1__p_1"><docTitle>${escapeText(text.title)}</docTitle></p>\n      </longTitle>\n    </preface>\n`);
  out.push('    <body>\n');
  if (!extracts.length) {
    out.push('      <hcontainer name="text" eId="hcontainer_1">\n        <content>\n');
    out.push(paragraphs(text.full_text, 'hcontainer_1', '          '));
    out.push('        </content>\n      </hcontainer>\n');
  }
  const eIds = new Set<string>();
  extracts.forEach((extract, index) => {
    const { kind, num } = unitOf(extract, index);
    const base = `${kind === 'section' ? 'sec' : 'art'}_${num.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || index + 1}`;
    let eId = base;
    for (let n = 2; eIds.has(eId); n++) eId = `${base}__${n}`;
    eIds.add(eId);
    const t = extract.texts[lang] ?? Object.values(extract.texts)[0]!;
    out.push(`      <${kind}${attrs({ eId, GUID: `palermo:${extract.id}` })}>\n`);
    out.push(`        <num>${escapeText(num)}</num>\n`);
    out.push(`        <heading>${escapeText(t.title)}</heading>\n`);
    out.push('        <content>\n');
    out.push(paragraphs(t.body, eId, '          '));
    out.push(`        </content>\n      </${kind}>\n`);
  });
  out.push('    </body>\n  </act>\n</akomaNtoso>\n');
  return out.join('');
}
