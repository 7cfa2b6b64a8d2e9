/** Demo bilateral treaties (mutual legal assistance, extradition, transfer of sentenced persons). */
import { LANGS, type Lang } from '../../../platform/i18n/languages.js';
import type { TreatyDocument, TreatyParty } from '../../knowledge/index.js';
import { TEXTS } from '../text/index.js';
import { nameOf, tagsOf, type DemoContext, type DemoCountry } from './context.js';
import { partnerOf } from './cases.js';
import { DEMO_HORIZON, Rng, addDays, addMonths, dateBetween } from './random.js';
import { fillText } from './render.js';
import { TREATY_KINDS, TREATY_KIND_KEYS, type TreatyKind } from './spec.js';

export function generateTreaties(ctx: DemoContext, total: number): TreatyDocument[] {
  if (ctx.countries.length < 2) return [];
  const out: TreatyDocument[] = [];
  const ids = new Set<string>();
  // The first treaties have a Party of each UN language, so even a small corpus has treaties in
  // all six; then candidate pairs in a fixed order until enough distinct treaties exist.
  const leaders = LANGS.flatMap((lang) => {
    const speakers = ctx.countries.filter((c) => c.lang === lang).sort((x, y) => y.weight - x.weight || x.iso3.localeCompare(y.iso3));
    return speakers.length ? [speakers[0]!] : [];
  });
  for (let i = 0; out.length < total && i < total * 20 + leaders.length; i++) {
    const rng = new Rng(`treaty:${i}`);
    const a = i < leaders.length ? leaders[i]! : rng.weighted(ctx.countries, (c) => c.weight);
    const b = partnerOf(rng, ctx, a);
    const kind = rng.weighted(TREATY_KIND_KEYS, (k) => ({ mla: 45, extradition: 35, transfer: 20 })[k]);
    const [first, second] = a.iso3 < b.iso3 ? [a, b] : [b, a];
    const id = `demo-treaty-${kind}-${first.iso3.toLowerCase()}-${second.iso3.toLowerCase()}`;
    if (ids.has(id)) continue;
    ids.add(id);
    out.push(generateTreaty(ctx, id, kind, first, second));
  }
  return out;
}

function generateTreaty(ctx: DemoContext, id: string, kind: TreatyKind, a: DemoCountry, b: DemoCountry): TreatyDocument {
  const rng = new Rng(id);
  const signed = dateBetween(rng, '1995-01-15', '2024-06-30');
  const consent = (country: DemoCountry): TreatyParty => {
    const on = addMonths(signed, rng.int(3, 30));
    return on <= DEMO_HORIZON ? { country: country.iso3, signed_on: signed, consent_kind: rng.chance(0.9) ? 'ratification' : 'approval', consent_on: on, demo: true } : { country: country.iso3, signed_on: signed, demo: true };
  };
  const parties = [consent(a), consent(b)];
  const both = parties.every((p) => p.consent_on);
  const last = parties.map((p) => p.consent_on ?? '').sort().pop()!;
  const inForce = both ? addDays(last, 30) : undefined;
  if (inForce && inForce <= DEMO_HORIZON) for (const p of parties) p.entry_into_force_on = inForce;

  // Authentic texts in the languages of the two Parties; each version names its own State first.
  const authentic = [...new Set<Lang>([a.lang, b.lang])];
  const spec = TREATY_KINDS[kind];
  const texts: TreatyDocument['texts'] = {};
  for (const lang of authentic) {
    const [x, y] = lang === b.lang && lang !== a.lang ? [b, a] : [a, b];
    const pack = TEXTS[lang];
    texts[lang] = { title: fillText(pack, pack.treaties[kind].title, { a: pack.inline(nameOf(x, lang)), b: pack.inline(nameOf(y, lang)) }) };
  }
  if (!authentic.includes('en') && rng.chance(0.4)) {
    texts.en = { title: fillText(TEXTS.en, TEXTS.en.treaties[kind].title, { a: TEXTS.en.inline(nameOf(a, 'en')), b: TEXTS.en.inline(nameOf(b, 'en')) }), machine_translated: true, translated_from: a.lang };
  }
  const provisions = spec.provisionTerms.map((terms, i) => ({
    number: String(i + 1),
    titles: Object.fromEntries(authentic.map((lang) => [lang, TEXTS[lang].treaties[kind].provisions[i]!.title])),
    texts: Object.fromEntries(authentic.map((lang) => [lang, TEXTS[lang].treaties[kind].provisions[i]!.text])),
    ...(terms.filter((t) => ctx.terms.has(t)).length ? { terms: terms.filter((t) => ctx.terms.has(t)) } : {}),
  }));
  return {
    type: 'treaty',
    id,
    kind: 'bilateral',
    adopted_on: signed,
    ...(inForce && inForce <= DEMO_HORIZON ? { entry_into_force_on: inForce } : {}),
    original_lang: a.lang,
    texts,
    provisions,
    parties,
    ...tagsOf(ctx, spec),
    demo: true,
  };
}
