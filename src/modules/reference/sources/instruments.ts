/**
 * The shipped instruments as canonical treaty records: identity from definitions/instruments.ts, article
 * titles and texts (English) parsed from resources/instruments/*.md, authentic texts in other languages
 * imported by curators, article terms from
 * definitions/article-terms.ts. Parties are deliberately absent: saving these records leaves party data
 * (imported from other sources) as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provision, TreatyDocument } from '../../knowledge/index.js';
import { ARTICLE_TERMS } from '../definitions/article-terms.js';
import { INSTRUMENTS, type InstrumentDefinition } from '../definitions/instruments.js';
import { parseTreatyMarkdown, type ParsedTreaty } from './treaty-markdown.js';
import type { AuthenticText } from './authentic-text.js';

/** resources/instruments/ at the package root (same depth from src/ and dist/). */
export const INSTRUMENTS_DIR = fileURLToPath(new URL('../../../../resources/instruments/', import.meta.url));

export function readInstrumentFile(def: InstrumentDefinition, dir = INSTRUMENTS_DIR): string {
  return fs.readFileSync(path.join(dir, def.file), 'utf8');
}

function sortTerms(terms: readonly string[]): string[] {
  return [...new Set(terms)].sort();
}

/** Authentic language versions imported by curators (table instrument_texts), by language. */
export type AuthenticTexts = Readonly<Record<string, AuthenticText>>;

/**
 * One instrument as a treaty record: the shipped English text plus the authentic texts imported in
 * other languages. The official Dutch translation in the source files is not a language version of
 * these treaties and is left out. Throws if the text and the definitions disagree.
 */
export function buildTreatyRecord(def: InstrumentDefinition, parsed: ParsedTreaty, authentic: AuthenticTexts = {}): TreatyDocument {
  const en = parsed.en.articles;
  if (!en.length) throw new Error(`${def.file}: no articles found`);
  const numbers = new Set(en.map((a) => a.number));
  const mapping = ARTICLE_TERMS[def.id] ?? {};
  for (const n of Object.keys(mapping)) {
    if (!numbers.has(n)) throw new Error(`${def.id}: article ${n} has terms but is not in ${def.file}`);
  }
  const others = Object.entries(authentic).map(([lang, text]) => [lang, new Map(text.articles.map((a) => [a.number, a]))] as const);
  const provisions: Provision[] = en.map((a) => {
    const titles: Record<string, string> = {};
    if (a.title) titles.en = a.title;
    const texts: Record<string, string> = { en: a.text };
    for (const [lang, byNumber] of others) {
      const version = byNumber.get(a.number);
      if (!version) continue;
      texts[lang] = version.text;
      if (version.title) titles[lang] = version.title;
    }
    const terms = sortTerms(mapping[a.number] ?? []);
    return { number: a.number, ...(Object.keys(titles).length ? { titles } : {}), texts, ...(terms.length ? { terms } : {}) };
  });
  return {
    type: 'treaty',
    id: def.id,
    kind: def.kind,
    short_name: def.short_name,
    organization: def.organization,
    adopted_on: def.adopted_on,
    adopted_at: def.adopted_at,
    entry_into_force_on: def.entry_into_force_on,
    depositary: def.depositary,
    ...(def.parent_id ? { parent_id: def.parent_id } : {}),
    source_url: def.source_url,
    texts: Object.fromEntries(Object.entries(def.titles).map(([lang, title]) => [lang, lang === 'en' && def.note ? { title, summary: def.note } : { title }])),
    provisions,
  };
}

/** The languages in which an instrument is authentic (the six UN languages, or English and French). */
export function authenticLanguages(def: InstrumentDefinition): string[] {
  return Object.keys(def.titles);
}

export interface InstrumentSource {
  def: InstrumentDefinition;
  content: string;
}

export function readInstrumentSources(dir = INSTRUMENTS_DIR): InstrumentSource[] {
  return INSTRUMENTS.map((def) => ({ def, content: readInstrumentFile(def, dir) }));
}

/** Every shipped instrument as a treaty record, parents before protocols. */
export function buildTreatyRecords(sources: readonly InstrumentSource[], authentic: Readonly<Record<string, AuthenticTexts>> = {}): TreatyDocument[] {
  return sources.map(({ def, content }) => buildTreatyRecord(def, parseTreatyMarkdown(content), authentic[def.id]));
}
