import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../../platform/i18n/languages.js';
import { checkRecord, parseRecord, type KnowledgeRecord } from '../../knowledge/index.js';
import { textProblem } from '../text/script-check.js';
import { buildCorpus, SIZE_PLAN } from './corpus.js';
import { INSTRUMENT_RULES, entryIntoForceFor } from './parties.js';
import { fullTestContext } from './test-context.js';

const ctx = fullTestContext();
const refs = { countries: new Set(ctx.countries.map((c) => c.iso3)), articles: ctx.articles, terms: ctx.terms };
const small = buildCorpus(ctx, 'small');
const normal = buildCorpus(ctx, 'default');

function textsOf(r: KnowledgeRecord): [string, string][] {
  const out: [string, string][] = [];
  for (const [lang, t] of Object.entries(r.texts)) for (const v of Object.values(t)) if (typeof v === 'string' && v !== lang && !LANGS.includes(v as never)) out.push([lang, v]);
  return out;
}

describe('demo corpus generator', () => {
  it('uses at least 60 countries from every region, with content in each of the six languages', () => {
    assert.ok(ctx.countries.length >= 60);
    const regions = new Set(ctx.countries.map((c) => c.region));
    assert.deepEqual([...regions].sort(), ['002', '009', '019', '142', '150']);
    const used = new Set(normal.records.map((r) => r.country).filter(Boolean));
    assert.ok(used.size >= 60, `${used.size} countries`);
    for (const type of ['legislation', 'case', 'treaty', 'strategy', 'law']) {
      const langs = new Set(normal.records.filter((r) => r.type === type).flatMap((r) => Object.keys(r.texts)));
      assert.deepEqual([...langs].sort(), [...LANGS].sort(), `${type} in all six languages`);
    }
  });

  it('produces the planned sizes', () => {
    for (const [corpus, size] of [[small, 'small'], [normal, 'default']] as const) {
      const count = (t: string) => corpus.records.filter((r) => r.type === t).length;
      const plan = SIZE_PLAN[size];
      assert.ok(count('law') >= plan.laws);
      assert.ok(count('legislation') >= plan.extracts);
      assert.equal(count('case'), plan.cases);
      assert.equal(count('treaty'), plan.treaties);
      assert.equal(count('strategy'), plan.strategies);
      assert.ok(count('legislation') >= plan.laws * 4, `${count('legislation')} extracts`);
    }
    const entries = normal.records.filter((r) => r.type !== 'law').length;
    assert.ok(entries >= 4500 && entries <= 8000, `${entries} entries`);
    const smallEntries = small.records.filter((r) => r.type !== 'law').length;
    assert.ok(smallEntries >= 150 && smallEntries <= 300, `${smallEntries} entries`);
  });

  it('produces only valid, demo-flagged records with unique demo- ids', () => {
    for (const corpus of [small, normal]) {
      const ids = new Set<string>();
      for (const r of corpus.records) {
        const parsed = parseRecord(r);
        assert.ok(parsed.ok, `${r.id}: ${JSON.stringify(parsed.ok ? '' : parsed.issues)}`);
        assert.deepEqual(checkRecord(r, refs), [], r.id);
        assert.equal(r.demo, true, r.id);
        assert.match(r.id, /^demo-/);
        const key = `${r.type === 'law' ? 'law' : 'entry'}:${r.id}`;
        assert.ok(!ids.has(key), `duplicate ${key}`);
        ids.add(key);
      }
    }
  });

  it('is deterministic', () => {
    assert.deepEqual(buildCorpus(ctx, 'small'), small);
  });

  it('writes proper text in each language', () => {
    for (const r of normal.records) {
      for (const [lang, text] of textsOf(r)) {
        assert.equal(textProblem(lang, text), undefined, `${r.id} [${lang}]`);
        if (lang === 'fr') assert.doesNotMatch(text, /(^|\s)de [aeiouéAEIOUÉ]/, `${r.id}: French elision`);
        if (lang === 'ru') assert.doesNotMatch(text, /по делу о [аоуэиы]/, `${r.id}: «об» before a vowel`);
      }
    }
    for (const r of normal.records) {
      if (r.type !== 'treaty') continue;
      for (const p of r.provisions ?? []) for (const [lang, text] of [...Object.entries(p.titles ?? {}), ...Object.entries(p.texts ?? {})]) assert.equal(textProblem(lang, text), undefined, `${r.id} ${p.number} [${lang}]`);
    }
  });

  it('marks translations with their source language, a share of them machine translated', () => {
    let machine = 0;
    let human = 0;
    for (const r of normal.records) {
      for (const [lang, t] of Object.entries(r.texts) as [string, { translated_from?: string; machine_translated?: boolean }][]) {
        // A bilateral treaty is authentic in the languages of both Parties.
        const authentic = r.type === 'treaty' && Object.keys(r.provisions?.[0]?.texts ?? {}).includes(lang);
        if (lang === r.original_lang || authentic) {
          assert.equal(t.translated_from, undefined);
          continue;
        }
        assert.ok(t.translated_from, `${r.id} [${lang}] has translated_from`);
        if (t.machine_translated) machine++;
        else human++;
      }
    }
    assert.ok(machine > 100 && human > 100, `${machine} machine, ${human} human translations`);
  });

  it('spreads dates over 1995-2025', () => {
    const years = new Set(normal.records.flatMap((r) => ('adopted_on' in r && r.adopted_on ? [r.adopted_on] : 'decision_date' in r && r.decision_date ? [r.decision_date] : [])).map((d) => d.slice(0, 4)));
    for (let y = 1998; y <= 2025; y++) assert.ok(years.has(String(y)), `year ${y}`);
    for (const y of years) assert.ok(y >= '1995' && y <= '2025', y);
  });

  it('makes bilateral treaties between two demo States, consistent dates', () => {
    for (const r of normal.records) {
      if (r.type !== 'treaty') continue;
      assert.equal(r.kind, 'bilateral');
      assert.equal(r.parties?.length, 2);
      assert.notEqual(r.parties![0]!.country, r.parties![1]!.country);
      for (const p of r.parties!) {
        assert.equal(p.demo, true);
        if (p.consent_on) assert.ok(p.consent_on > p.signed_on!, r.id);
        if (p.entry_into_force_on) assert.ok(p.entry_into_force_on > p.consent_on!, r.id);
      }
      assert.ok(r.provisions!.length >= 5);
    }
  });

  it('gives demo States a consistent participation in the reference instruments', () => {
    assert.equal(normal.parties.size, 8);
    let declarations = 0;
    let reservations = 0;
    const untoc = new Map(normal.parties.get('untoc')!.map((p) => [p.country, p]));
    for (const [id, parties] of normal.parties) {
      const rule = INSTRUMENT_RULES[id]!;
      assert.ok(parties.length > 5, id);
      for (const p of parties) {
        assert.equal(p.demo, true);
        if (p.signed_on) {
          assert.ok(p.signed_on >= rule.signature[0] && (!rule.signature[1] || p.signed_on <= rule.signature[1]), `${id} ${p.country} signed ${p.signed_on}`);
          if (p.consent_on) assert.ok(p.consent_on > p.signed_on, `${id} ${p.country}`);
        } else {
          assert.ok(p.consent_kind === 'accession' || p.consent_kind === 'succession', `${id} ${p.country} consents without signature by ${p.consent_kind}`);
        }
        if (p.consent_on) {
          assert.ok(p.consent_on > rule.adopted);
          const eif = entryIntoForceFor(rule, rule.inForce, p.consent_on);
          if (p.entry_into_force_on) assert.equal(p.entry_into_force_on, eif, `${id} ${p.country}`);
        }
        if (rule.requires) {
          const parent = untoc.get(p.country);
          assert.ok(parent?.consent_on && p.consent_on && p.consent_on >= parent.consent_on, `${id} ${p.country} is a party to the Convention first`);
        }
        if (p.declarations) declarations++;
        if (p.reservations) reservations++;
      }
    }
    assert.ok(declarations > 50 && reservations > 10, `${declarations} declarations, ${reservations} reservations`);
    const kinds = new Set([...normal.parties.values()].flat().map((p) => p.consent_kind));
    for (const k of ['ratification', 'accession', 'acceptance', 'approval', 'succession']) assert.ok(kinds.has(k as never), k);
  });
});
