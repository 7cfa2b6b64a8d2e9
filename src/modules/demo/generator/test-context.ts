/**
 * A full demo context built without a database (for the unit tests): every demo State with its
 * UN names and M49 region, every taxonomy term, the articles of the eight instruments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shippedCountries } from '../../reference/index.js';
import { demoCountries, type DemoContext, type ReferenceCountry } from './context.js';
import { DEMO_PROFILES } from './countries.js';
import { INSTRUMENT_RULES } from './parties.js';
import { PROCEDURES, PROVISION_TAGS, SCENARIOS, STRATEGY_TOPICS, TREATY_KINDS, type Tags } from './spec.js';

const FILES: Record<string, string> = {
  untoc: 'UNTOC_BWBV0001668',
  'untoc-tip': 'TIP_Protocol_BWBV0001749',
  'untoc-som': 'SOM_Protocol_BWBV0001750',
  'untoc-firearms': 'Firearms_Protocol_BWBV0001710',
  uncac: 'UNCAC_BWBV0001830',
  'coe-cybercrime': 'Budapest_Cybercrime_BWBV0001839',
  'coe-extradition': 'CoE_Extradition1957_BWBV0001010',
  'coe-mla': 'CoE_MLA1959_BWBV0001009',
};

export function referenceCountries(): ReferenceCountry[] {
  const places = new Map(shippedCountries().map((c) => [c.iso3, c]));
  return DEMO_PROFILES.map(([iso3]) => {
    const place = places.get(iso3)!;
    return { iso3, region_code: place.region_code, names: place.names };
  });
}

export function fullTestContext(): DemoContext {
  const index = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../resources/instruments/article_index.json'), 'utf8')) as Record<string, { articles_en: { article: string }[] }>;
  const articles = new Set<string>();
  for (const [id, key] of Object.entries(FILES)) for (const a of index[key]!.articles_en) articles.add(`${id}:${a.article}`);
  // Every term the spec uses (the reference loader defines these codes).
  const all: Tags[] = [...Object.values(PROVISION_TAGS), ...Object.values(SCENARIOS), ...Object.values(PROCEDURES), ...Object.values(STRATEGY_TOPICS), ...Object.values(TREATY_KINDS)];
  const terms = new Set<string>();
  for (const t of all) {
    for (const c of t.crime ?? []) terms.add(`crime:${c}`);
    for (const c of t.coop ?? []) terms.add(`cooperation:${c}`);
    for (const c of t.issues ?? []) terms.add(`issue:${c}`);
    for (const c of t.measures ?? []) terms.add(`measure:${c}`);
  }
  for (const k of Object.values(TREATY_KINDS)) for (const list of k.provisionTerms) for (const t of list) terms.add(t);
  return {
    countries: demoCountries(referenceCountries()),
    articles,
    terms,
    instruments: new Map(Object.entries(INSTRUMENT_RULES).map(([id, r]) => [id, { id, adoptedOn: r.adopted, entryIntoForce: r.inForce }])),
    realParties: new Map(),
  };
}
