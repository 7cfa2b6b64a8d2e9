/**
 * A natural-vocabulary corpus for the search benchmark (issue 13 §4). Sentences are drawn from
 * real texts: the eight instruments in resources/instruments (English), the Akoma Ntoso judgments
 * and act in resources/akn (English), the French working papers in /work/shared/seeds (when
 * present) and the demo corpus's wording in the six languages (src/modules/demo/text). Each
 * language also has a long tail of proper names (parties, places, companies, vessels) made from
 * the syllables of its own words, so that its vocabulary holds tens of thousands of words. Words
 * are chosen with Zipf's law: sentence i of a language's pool with weight 1/(i+1)^0.9 (boilerplate
 * is common), names with weight 1/(rank+1)^1.07 (a few names everywhere, most of them once).
 * Lengths are log-normal (a body of a few dozen words to a few thousand). Deterministic.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Random = () => number;

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = '/work/shared/seeds';
const LANGS = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
type Lang = (typeof LANGS)[number];

/** Sentences of a plain text (also 。！？ for Chinese). */
function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?;。！？؟])\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25 && s.length <= 600 && !/^[\d\s().,;:a-z-]{0,8}$/.test(s));
}

/** String literals of the demo texts, placeholders filled in. */
function demoSentences(lang: Lang): string[] {
  const dir = path.join(ROOT, 'src/modules/demo/text', lang);
  const out: string[] = [];
  for (const f of fs.readdirSync(dir)) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.){20,})'|`([^`]{20,})`|"((?:[^"\\\n]|\\.){20,})"/g)) {
      const s = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1').replace(/\{year\}/g, '2016').replace(/\{n\}/g, '7').replace(/\{[a-z_]+\}/gi, '');
      out.push(...sentences(s));
    }
  }
  return out;
}

function realSentences(lang: Lang): string[] {
  const out = demoSentences(lang);
  if (lang === 'en') {
    const dir = path.join(ROOT, 'resources/instruments');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('<'));
      out.push(...sentences(lines.join(' ')));
    }
    const akn = [path.join(ROOT, 'resources/akn/za-act-1996-constitution.akn.xml'), ...fs.readdirSync(path.join(ROOT, 'resources/akn/judgments-uk')).filter((x) => x.endsWith('.xml')).map((x) => path.join(ROOT, 'resources/akn/judgments-uk', x))];
    for (const f of akn) out.push(...sentences(fs.readFileSync(f, 'utf8').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ')));
  }
  if (lang === 'fr' && fs.existsSync(SEEDS)) for (const f of fs.readdirSync(SEEDS)) out.push(...sentences(fs.readFileSync(path.join(SEEDS, f), 'utf8')));
  return [...new Set(out)];
}

const wordsOf = (lang: Lang, s: string) => (lang === 'zh' ? [...s.replace(/[^\p{Script=Han}]/gu, '')] : s.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3));

/** Syllables of a language's words (pieces of 2–3 letters), for its names. */
function syllables(lang: Lang, pool: string[]): string[] {
  const out = new Set<string>();
  for (const s of pool) for (const w of wordsOf(lang, s)) {
    if (lang === 'zh') out.add(w); // single characters
    else for (let i = 0; i + 2 <= w.length && out.size < 4000; i += 2) out.add(w.slice(i, i + 2 + (i % 2)));
  }
  return [...out];
}

/** Cumulative weights 1/(i+1)^s, for drawing rank i with Zipf's law. */
function zipf(n: number, s: number): Float64Array {
  const c = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) c[i] = sum += 1 / (i + 1) ** s;
  for (let i = 0; i < n; i++) c[i]! /= sum;
  return c;
}
function draw(c: Float64Array, random: Random): number {
  const x = random();
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Log-normal length (median, spread), between min and max. */
const logNormal = (random: Random, median: number, sigma: number, min: number, max: number) => {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(min, Math.min(max, Math.round(median * Math.exp(sigma * z))));
};

interface LanguageModel {
  lang: Lang;
  pool: string[];
  poolWeights: Float64Array;
  names: string[];
  nameWeights: Float64Array;
}

export interface NaturalCorpus {
  models: Record<Lang, LanguageModel>;
  /** Words per language (real words of the pool + names), for the description. */
  vocabulary: Record<Lang, { sentences: number; real_words: number; names: number }>;
}

/** The language models (sentence pools and name tails); `names` per language. */
export function naturalCorpus(random: Random, names = 40_000): NaturalCorpus {
  const models = {} as Record<Lang, LanguageModel>;
  const vocabulary = {} as NaturalCorpus['vocabulary'];
  for (const lang of LANGS) {
    const pool = realSentences(lang);
    // Shuffle, so which sentences are the common ones does not follow the source files.
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const syl = syllables(lang, pool);
    const set = new Set<string>();
    while (set.size < names) {
      const n = 2 + Math.floor(random() * 3);
      let w = '';
      for (let k = 0; k < n; k++) w += syl[Math.floor(random() * syl.length)]!;
      set.add(lang === 'zh' || lang === 'ar' ? w : w.charAt(0).toUpperCase() + w.slice(1));
    }
    const real = new Set(pool.flatMap((s) => wordsOf(lang, s)));
    models[lang] = { lang, pool, poolWeights: zipf(pool.length, 0.9), names: [...set], nameWeights: zipf(set.size, 1.07) };
    vocabulary[lang] = { sentences: pool.length, real_words: real.size, names: set.size };
  }
  return { models, vocabulary };
}

/** A sentence of the pool, with a name put in one time in three (parties, places, vessels). */
function sentence(m: LanguageModel, random: Random): string {
  const s = m.pool[draw(m.poolWeights, random)]!;
  if (random() > 0.33) return s;
  const name = m.names[draw(m.nameWeights, random)]!;
  if (m.lang === 'zh') return `${name}${s}`;
  const words = s.split(' ');
  words.splice(1 + Math.floor(random() * (words.length - 1)), 0, name);
  return words.join(' ');
}

/** Sentences up to about `words` words (characters / 2 for Chinese). */
function passage(m: LanguageModel, random: Random, words: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s = sentence(m, random);
    out.push(s);
    n += m.lang === 'zh' ? s.length / 2 : s.split(' ').length;
  }
  return out.join(m.lang === 'zh' ? '' : ' ');
}

/** A title: the start of a sentence (4–12 words), or a name and a sentence start (a case's parties). */
function title(m: LanguageModel, random: Random): string {
  const s = sentence(m, random);
  if (m.lang === 'zh') return s.slice(0, 8 + Math.floor(random() * 16)).replace(/[，。；：、]+$/u, '');
  const words = s.split(' ').slice(0, 4 + Math.floor(random() * 9));
  const t = words.join(' ').replace(/[,;:.]+$/u, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Language mix of the versions: mostly English, then French and Spanish, then the others. */
const MIX: Lang[] = ['en', 'en', 'en', 'en', 'fr', 'fr', 'es', 'es', 'ru', 'ar', 'zh', 'en'];

/** The texts of one entry: one language version, or two (30%). */
export function naturalTexts(corpus: NaturalCorpus, random: Random): Record<string, { title: string; summary?: string; body?: string }> {
  const first = MIX[Math.floor(random() * MIX.length)]!;
  const langs = random() < 0.3 ? [first, first === 'en' ? 'fr' : 'en'] : [first];
  return Object.fromEntries(
    langs.map((l) => {
      const m = corpus.models[l as Lang];
      return [l, { title: title(m, random), summary: passage(m, random, logNormal(random, 35, 0.5, 10, 150)), body: passage(m, random, logNormal(random, 160, 0.9, 20, 4000)) }];
    }),
  );
}

/**
 * Queries from practitioners' vocabulary (issue 13 §4): abbreviations the thesaurus expands, words
 * and phrases of the instruments, misspellings, multi-word queries, filters; in six languages.
 * Each is [name, kind, parameters]; the benchmark adds a few of its own (browse, deep page).
 */
export const PRACTITIONER_QUERIES: [name: string, kind: 'broad' | 'selective', raw: Record<string, string | string[]>][] = [
  ['mutual legal assistance', 'broad', { q: 'mutual legal assistance', hl: 'en' }],
  ['extradition', 'broad', { q: 'extradition', hl: 'en' }],
  ['confiscation of proceeds', 'broad', { q: 'confiscation of proceeds', hl: 'en' }],
  ['"joint investigation team" (phrase)', 'selective', { q: '"joint investigation team"', hl: 'en' }],
  ['MLA (thesaurus)', 'broad', { q: 'MLA', hl: 'en' }],
  ['extradtion (misspelt)', 'broad', { q: 'extradtion', hl: 'en' }],
  ['controlled delivery + type case', 'selective', { q: 'controlled delivery', hl: 'en', type: 'case' }],
  ['dual criminality + country', 'selective', { q: 'dual criminality', hl: 'en', country: 'QAB' }],
  ['freezing seizure OR confiscation -firearms', 'broad', { q: 'freezing seizure OR confiscation -firearms', hl: 'en' }],
  ['witness protection', 'broad', { q: 'witness protection', hl: 'en' }],
  ['entraide judiciaire (fr)', 'broad', { q: 'entraide judiciaire', hl: 'fr' }],
  ['blanchiment (fr)', 'broad', { q: 'blanchiment', hl: 'fr' }],
  ['asistencia judicial recíproca (es)', 'broad', { q: 'asistencia judicial recíproca', hl: 'es' }],
  ['экстрадиция (ru, thesaurus)', 'broad', { q: 'экстрадиция', hl: 'ru' }],
  ['تسليم المجرمين (ar)', 'broad', { q: 'تسليم المجرمين', hl: 'ar' }],
  ['司法协助 (zh)', 'broad', { q: '司法协助', hl: 'zh' }],
  ['a rare name', 'selective', { q: 'NAME', hl: 'en' }],
];
