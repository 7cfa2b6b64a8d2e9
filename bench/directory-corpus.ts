/**
 * A synthetic directory for the benchmarks: n authority documents as a JSON Lines stream, for the
 * real import service. Deterministic. Names are drawn so that the benchmark has a broad query (a
 * word in most names: "office"), a selective one (a place name held by about 0.2% of entries), and
 * filters of every kind (country, function, languages accepted, electronic requests).
 */
import { anAuthority } from '../test/factories/directory.js';
import type { AuthorityDocument } from '../src/modules/directory/domain/schema.js';
import { rng } from './search.bench.js';

const KINDS: [en: string, fr: string, zh: string][] = [
  ['Public Prosecution Office', 'Parquet', '检察院'],
  ['Office of the Prosecutor General', 'Bureau du procureur général', '总检察长办公室'],
  ['Central Authority Office', 'Bureau de l’autorité centrale', '中央机关办公室'],
  ['Mutual Legal Assistance Office', 'Bureau de l’entraide judiciaire', '司法协助办公室'],
  ['Regional Court Office', 'Greffe du tribunal régional', '地区法院办公室'],
  ['Ministry of Justice', 'Ministère de la Justice', '司法部'],
  ['National Police Directorate', 'Direction de la police nationale', '国家警察局'],
];
const SYLLABLES = ['val', 'mor', 'kesh', 'tal', 'bri', 'dun', 'lo', 'sar', 'ven', 'ith', 'cor', 'pa', 'nim', 'rud', 'ost', 'el'];
/** 512 invented place names ("Valmor", "Keshtal", …). */
export const PLACES = Array.from({ length: 512 }, (_, i) => {
  const s = [SYLLABLES[i % 16]!, SYLLABLES[Math.floor(i / 16) % 16]!, i >= 256 ? 'a' : ''];
  const w = s.join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
});
const FUNCTIONS = ['mla', 'extradition', 'confiscation', 'cyber-24-7', 'firearms', 'transfer-sentenced-persons', 'uncac-central'] as const;
const LANGUAGES = [['en'], ['fr'], ['es'], ['en', 'fr'], ['en', 'es'], ['ar', 'en'], ['ru'], ['zh', 'en']];
const ELECTRONIC = ['never', 'urgent_only', 'always'] as const;

/** The n documents, for these countries (skewed: the first countries have more authorities). */
export function* authorityDocuments(n: number, countries: readonly string[], prefix = 'bench'): Generator<AuthorityDocument> {
  const random = rng(7);
  const pick = <T>(xs: readonly T[], skew = 1): T => xs[Math.floor(random() ** skew * xs.length)]!;
  for (let j = 0; j < n; j++) {
    // Weights: five kinds of six are "… Office …" in English.
    const kind = random() < 0.8 ? KINDS[Math.floor(random() * 5)]! : pick(KINDS.slice(5));
    const place = PLACES[j % PLACES.length]!;
    const fns = [...new Set([pick(FUNCTIONS, 1.5), ...(random() < 0.4 ? [pick(FUNCTIONS)] : [])])];
    const restrictLanguages = random() < 0.2;
    const electronic = pick(ELECTRONIC);
    yield anAuthority({
      id: `${prefix}-${j}`,
      country: pick(countries, 1.4),
      names: { en: `${kind[0]} of ${place} ${j}`, fr: `${kind[1]} de ${place} ${j}`, zh: `${place}${kind[2]}${j}` },
      functions: fns.map((code) => ({ code })),
      languages: pick(LANGUAGES),
      electronic_requests: electronic,
      channels: electronic === 'never' ? ['direct', 'diplomatic'] : ['direct', 'diplomatic', 'electronic'],
      visibility: { requirements: 'practitioners', e_evidence: 'practitioners', ...(restrictLanguages ? { languages: 'practitioners' } : {}) },
    });
  }
}

/** The documents as a JSON Lines byte stream (what `palermo directory import` reads). */
export async function* jsonLines(docs: Iterable<AuthorityDocument>): AsyncGenerator<Uint8Array> {
  let buf = '';
  for (const d of docs) {
    buf += `${JSON.stringify(d)}\n`;
    if (buf.length > 1 << 20) {
      yield Buffer.from(buf);
      buf = '';
    }
  }
  if (buf) yield Buffer.from(buf);
}
