import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../../platform/i18n/languages.js';
import { LAW_KIND_KEYS } from '../generator/spec.js';
import { TEXTS } from './index.js';
import { textProblem } from './script-check.js';
import type { Slot } from './types.js';

/** Placeholders of a template; {Authority} and {authority} are the same value (capitalized or not). */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => m[1]!.toLowerCase()))].sort();

/** Same number of sentences and alternatives as the English text, with the same placeholders. */
function sameShape(where: string, en: readonly Slot[], other: readonly Slot[]) {
  assert.equal(other.length, en.length, `${where}: number of sentences`);
  en.forEach((slot, i) => {
    const a = typeof slot === 'string' ? [slot] : slot;
    const o = other[i]!;
    const b = typeof o === 'string' ? [o] : o;
    assert.equal(b.length, a.length, `${where}.${i}: number of alternatives`);
    a.forEach((text, j) => assert.deepEqual(placeholders(b[j]!), placeholders(text), `${where}.${i}.${j}: placeholders`));
  });
}

describe('demo texts', () => {
  for (const lang of LANGS) {
    const t = TEXTS[lang];
    describe(lang, () => {
      it('is the pack of its language', () => assert.equal(t.lang, lang));

      it('has every text in the same shape as the English one', () => {
        const en = TEXTS.en;
        for (const [key, p] of Object.entries(en.provisions)) sameShape(`provisions.${key}`, p.b, t.provisions[key as keyof typeof en.provisions].b);
        for (const [key, c] of Object.entries(en.crimes)) sameShape(`crimes.${key}`, c.facts, t.crimes[key as keyof typeof en.crimes].facts);
        for (const [key, p] of Object.entries(en.procedures)) {
          const o = t.procedures[key as keyof typeof en.procedures];
          sameShape(`procedures.${key}.decision`, p.decision, o.decision);
          sameShape(`procedures.${key}.commentary`, p.commentary, o.commentary);
          sameShape(`procedures.${key}.title`, [p.title, p.summary], [o.title, o.summary]);
        }
        sameShape('basis', [en.basis.untoc, en.basis.other], [t.basis.untoc, t.basis.other]);
        sameShape('strategyBody', en.strategyBody, t.strategyBody);
        for (const [key, s] of Object.entries(en.strategies)) {
          const o = t.strategies[key as keyof typeof en.strategies];
          sameShape(`strategies.${key}`, [s.title, s.summary, s.goal], [o.title, o.summary, o.goal]);
        }
        for (const [key, tr] of Object.entries(en.treaties)) {
          const o = t.treaties[key as keyof typeof en.treaties];
          assert.deepEqual(placeholders(o.title), placeholders(tr.title));
          assert.equal(o.provisions.length, tr.provisions.length, `treaties.${key}`);
        }
        assert.equal(t.authorities.length, en.authorities.length);
      });

      it('writes its texts in its own script', () => {
        const all: string[] = [
          ...Object.values(t.provisions).flatMap((p) => [p.h, ...p.b.flat()]),
          ...Object.values(t.crimes).flatMap((c) => [c.label, ...c.facts.flat()]),
          ...Object.values(t.procedures).flatMap((p) => [p.title, p.summary, ...p.decision.flat(), ...p.commentary.flat()]),
          t.basis.untoc,
          ...t.basis.other,
          ...Object.values(t.strategies).flatMap((s) => [s.title, s.summary, s.goal]),
          ...t.strategyBody.flat(),
          ...t.adoptedBy,
          ...t.authorities,
          ...Object.values(t.courts).flat(),
          ...Object.values(t.treaties).flatMap((k) => [k.title, ...k.provisions.flatMap((p) => [p.title, p.text])]),
        ];
        // Placeholders stand for values worded in the same language.
        const sample: Record<string, string> = {
          years: t.count(10, 'year'),
          min: t.count(2, 'year'),
          months: t.count(6, 'month'),
          days: t.count(30, 'day'),
          n: t.count(12, 'person'),
          authority: t.authorities[0]!,
          Authority: t.authorities[0]!,
          crime: t.crimes.cultural.label,
          partner: t.crimes.piracy.label,
          a: t.crimes.piracy.label,
          b: t.crimes.cultural.label,
          year: '2015',
          start: '2018',
          end: '2022',
        };
        // Final touches only correct what placeholders bring in; the written text is already right.
        if (t.polish) for (const text of all) assert.equal(t.polish(text), text);
        for (const text of all) assert.equal(textProblem(lang, text.replace(/\{([A-Za-z_]+)\}/g, (_, k: string) => sample[k] ?? `{${k}}`)), undefined, text);
      });

      if (lang === 'ru') {
        it('puts «о» or «об» before crime names as Russian requires', () => {
          for (const c of Object.values(t.crimes)) assert.match(c.label, /^(о [^аеиоуэыяё]|об [аеиоуэыяё])/i, c.label);
        });
      }
      if (lang === 'fr') {
        it('elides « de » before a vowel brought by a placeholder', () => {
          assert.equal(t.polish!('une affaire de entrave à la justice (de abord)'), 'une affaire d’entrave à la justice (d’abord)');
          assert.equal(t.polish!('il procède à la monde entière'), 'il procède à la monde entière');
        });
      }

      it('words dates, durations and law titles', () => {
        for (const iso of ['2001-01-01', '2011-03-14', '2024-12-31']) assert.equal(textProblem(lang, t.date(iso)), undefined);
        assert.match(t.date('2011-03-14'), /2011/);
        for (const n of [2, 3, 5, 10, 12, 15, 20, 30, 45, 90]) for (const unit of ['year', 'month', 'day', 'person'] as const) assert.ok(t.count(n, unit).length > 1);
        for (const kind of LAW_KIND_KEYS) {
          for (const native of [true, false]) {
            const p = { n: 12, year: 2011, date: '2011-03-14', native, iso3: native && lang === 'zh' ? 'CHN' : native && lang === 'ru' ? 'RUS' : 'FRA' };
            assert.equal(textProblem(lang, t.laws[kind].title(p)), undefined, kind);
            assert.ok(t.laws[kind].citation(p).length > 3);
          }
        }
        assert.equal(textProblem(lang, t.articleRef(12)), undefined);
      });
    });
  }
});
