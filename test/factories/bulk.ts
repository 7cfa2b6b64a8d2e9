/** Import files for bulk tests: a small but complete corpus, and helpers to write JSONL/CSV files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KnowledgeRecord } from '../../src/modules/knowledge/domain/schemas.js';
import { aCase, aLaw, aStrategy, aTreaty, anExtract } from './knowledge.js';

let n = 0;

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'palermo-bulk-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Write lines (records are serialised as JSON) to a .jsonl file. */
export function writeJsonl(dir: string, lines: readonly (KnowledgeRecord | string | object)[], name = `f${n++}.jsonl`): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * A corpus of every record type: a multilateral treaty with provisions and parties, a protocol
 * (parent_id), two laws with extracts, cases and a strategy tagged with the treaty's articles.
 * Records refer to each other; ids are unique per call.
 */
export function aCorpus(): KnowledgeRecord[] {
  const k = `${Date.now().toString(36)}${(n++).toString(36)}`;
  const treaty = aTreaty({
    id: `tc-${k}`,
    kind: 'universal',
    short_name: 'TC',
    adopted_on: '2000-11-15',
    texts: {
      en: { title: 'Test Convention against Transnational Organized Crime', summary: 'A convention.' },
      fr: { title: 'Convention de test contre la criminalité transnationale organisée' },
      ar: { title: 'اتفاقية الاختبار لمكافحة الجريمة المنظمة عبر الوطنية' },
    },
    parties: [
      { country: 'FRA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2002-10-29' },
      { country: 'ITA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2006-08-02', declarations: 'Line one\nLine "two", with comma' },
      { country: 'ZAF', signed_on: '2000-12-14', consent_kind: 'ratification', consent_on: '2004-02-20' },
    ],
    provisions: [
      { number: '16', titles: { en: 'Extradition', fr: 'Extradition' }, texts: { en: '1. This article shall apply…' }, terms: ['cooperation:extradition'] },
      { number: '18', titles: { en: 'Mutual legal assistance', zh: '司法协助' }, terms: ['cooperation:mla', 'measure:search-seizure-freezing'] },
    ],
  });
  const protocol = aTreaty({
    id: `tc-${k}-protocol`,
    kind: 'universal',
    parent_id: treaty.id,
    texts: { en: { title: 'Protocol to the Test Convention' } },
    parties: [],
    provisions: [{ number: '3', titles: { en: 'Use of terms' } }],
  });
  const law = aLaw({ id: `law-${k}`, texts: { fr: { title: 'Code de procédure pénale', full_text: 'Article 694\nLes demandes…' } } });
  const law2 = aLaw({ id: `law2-${k}`, country: 'ZAF', original_lang: 'en', citation: 'Act 75 of 1996', texts: { en: { title: 'International Co-operation in Criminal Matters Act' } } });
  return [
    treaty,
    protocol,
    law,
    law2,
    anExtract(law.id, { id: `leg-${k}-1`, articles: [`${treaty.id}:18`], cooperation_types: ['mla'], position: 0 }),
    anExtract(law.id, { id: `leg-${k}-2`, article_ref: 'Art. 696-1', position: 1, crime_types: ['drug-offences'] }),
    anExtract(law2.id, {
      id: `leg-${k}-3`,
      country: 'ZAF',
      article_ref: 'Section 7',
      original_lang: 'en',
      texts: { en: { title: 'Requests for assistance', body: 'A request for assistance…\n=SUM(A1) stays text' } },
    }),
    aCase({ id: `case-${k}`, articles: [`${treaty.id}:16`], crime_types: ['drug-offences', 'money-laundering'], cooperation_types: ['extradition'], issues: ['victim-assistance'] }),
    aCase({
      id: `case-${k}-2`,
      country: 'MEX',
      cooperating_states: ['COL', 'ESP'],
      neutral_citation: '[2020] SCJN 12, "quoted"',
      parties: [{ name: 'Fiscalía General, "FGR"', role: 'Requirente' }, { name: 'J. Pérez' }],
      judges: ['Ministra A. Ruiz', 'Ministro B. López'],
      demo: true,
      texts: { es: { title: 'Extradición — caso de prueba', summary: '-Resumen con guion', machine_translated: true, translated_from: 'en' }, en: { title: 'Extradition test case' } },
    }),
    aStrategy({ id: `strategy-${k}`, articles: [`${protocol.id}:3`], measures: ['search-seizure-freezing'] }),
  ];
}

/** Ids (law and entry) of a list of records. */
export function idsOf(records: readonly KnowledgeRecord[]): { laws: string[]; entries: string[] } {
  return {
    laws: records.filter((r) => r.type === 'law').map((r) => r.id),
    entries: records.filter((r) => r.type !== 'law').map((r) => r.id),
  };
}
