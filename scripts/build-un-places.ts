/**
 * Builds resources/un-places/un-places.json, the UN names of States and areas that the reference
 * module loads, from the CSV files described in ../shared/data/un-countries/SOURCE.txt:
 *   npx tsx scripts/build-un-places.ts [directory of the CSV files]
 * States: UNTERM short and formal names (notes "*" / "**" stripped and turned into the kind).
 * Areas: UNSD M49 names. Regions: UNSD M49 names in each language. The output is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { LANGS, type Lang, type LocalizedText } from '../src/platform/i18n/languages.js';
import { LEADING_ARTICLE, OWN_REGIME_AREAS, TRAILING_ARTICLE, UNTERM_NOTES, UNTERM_SUPPLEMENT, type PlaceKind } from '../src/modules/reference/definitions/un-names.js';

const dir = path.resolve(process.argv[2] ?? '../shared/data/un-countries');
const out = path.resolve(import.meta.dirname, '../resources/un-places/un-places.json');

/** File suffix and UNTERM column name of each Palermo language. */
const FILES: Record<Lang, { suffix: string; unterm: string }> = {
  ar: { suffix: 'ar', unterm: 'Arabic' },
  zh: { suffix: 'cn', unterm: 'Chinese' },
  en: { suffix: 'en', unterm: 'English' },
  fr: { suffix: 'fr', unterm: 'French' },
  es: { suffix: 'es', unterm: 'Spanish' },
  ru: { suffix: 'ru', unterm: 'Russian' },
};

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
const code3 = (v: string | undefined): string | null => (v ? v.padStart(3, '0') : null);

const m49 = Object.fromEntries(LANGS.map((lang) => [lang, read(`UNSD-m49-${FILES[lang].suffix}.csv`)])) as Record<Lang, Row[]>;
const codes = read('country-codes.csv');

// Regions: world, regions, sub-regions, intermediate regions with their names in each language.
const regions = new Map<string, { code: string; level: string; parent: string | null; names: Partial<LocalizedText> }>();
for (const lang of LANGS) {
  for (const r of m49[lang]) {
    const levels: [string, string, string | null, string][] = [
      ['Global Code', 'world', null, 'Global Name'],
      ['Region Code', 'region', r['Global Code']!, 'Region Name'],
      ['Sub-region Code', 'subregion', r['Region Code']!, 'Sub-region Name'],
      ['Intermediate Region Code', 'intermediate', r['Sub-region Code']!, 'Intermediate Region Name'],
    ];
    for (const [codeCol, level, parent, nameCol] of levels) {
      const code = code3(r[codeCol]);
      if (!code) continue;
      const region = regions.get(code) ?? { code, level, parent: code3(parent ?? undefined), names: {} };
      region.names[lang] = r[nameCol]!.trim();
      regions.set(code, region);
    }
  }
}

/** "Holy See (the) *" -> { name: "Holy See", note: "*" }. */
function untermName(value: string, formal: boolean): { name: string; note: string | null } {
  const m = /^(.*?)\s*(\*{1,2})?$/u.exec(value.trim())!;
  const name = formal ? m[1]!.replace(LEADING_ARTICLE, '') : m[1]!.replace(TRAILING_ARTICLE, '');
  return { name: name.charAt(0).toUpperCase() + name.slice(1), note: m[2] ?? null };
}

const places = codes.map((c) => {
  const iso3 = c['ISO3166-1-Alpha-3']!;
  const byLang = Object.fromEntries(LANGS.map((lang) => [lang, m49[lang].find((r) => r['ISO-alpha3 Code'] === iso3)])) as Record<Lang, Row | undefined>;
  const en = byLang.en;
  if (!en) throw new Error(`${iso3} is not in the M49 table`);
  let kind: PlaceKind = (OWN_REGIME_AREAS as readonly string[]).includes(iso3) ? 'area_own_regime' : 'area';
  let names: Partial<LocalizedText> = {};
  let formal: Partial<LocalizedText> | null = null;
  const supplement = UNTERM_SUPPLEMENT[iso3];
  if (c['UNTERM English Short']) {
    formal = {};
    const notes = new Set<string | null>();
    for (const lang of LANGS) {
      const short = untermName(c[`UNTERM ${FILES[lang].unterm} Short`]!, false);
      names[lang] = short.name;
      formal[lang] = untermName(c[`UNTERM ${FILES[lang].unterm} Formal`]!, true).name;
      notes.add(short.note);
    }
    if (notes.size !== 1) throw new Error(`${iso3}: the UNTERM notes differ between languages`);
    const note = [...notes][0];
    kind = note ? UNTERM_NOTES[note]! : 'member_state';
  } else if (supplement) {
    kind = 'member_state';
    names = supplement.short;
    formal = supplement.formal;
  } else {
    for (const lang of LANGS) names[lang] = byLang[lang]!['Country or Area']!.trim();
  }
  for (const lang of LANGS) if (!names[lang] || (formal && !formal[lang])) throw new Error(`${iso3} has no ${lang} name`);
  return {
    iso3,
    iso2: c['ISO3166-1-Alpha-2']!,
    m49: code3(en['M49 Code'])!,
    region: code3(en['Region Code']),
    subregion: code3(en['Sub-region Code']),
    intermediate: code3(en['Intermediate Region Code']),
    kind,
    names,
    formal,
  };
});
places.sort((a, b) => a.iso3.localeCompare(b.iso3));
const regionList = [...regions.values()].sort((a, b) => a.code.localeCompare(b.code));

const lines = [
  '{',
  `"about": ${JSON.stringify('Generated by scripts/build-un-places.ts from UNTERM and UNSD M49 lists (resources/un-places/SOURCE.txt). Do not edit.')},`,
  '"regions": [',
  regionList.map((r) => JSON.stringify(r)).join(',\n'),
  '],',
  '"places": [',
  places.map((p) => JSON.stringify(p)).join(',\n'),
  ']',
  '}',
];
fs.writeFileSync(out, lines.join('\n') + '\n');
const kinds = places.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.kind]: (acc[p.kind] ?? 0) + 1 }), {});
console.log(`${out}: ${regionList.length} regions, ${places.length} places`, kinds);
