/** Turning the language templates of ../text/ into entry texts. */
import { LANGS, type Lang } from '../../../platform/i18n/languages.js';
import type { DemoTexts, Slot } from '../text/types.js';
import type { Rng } from './random.js';

/** Replace {name} placeholders; a missing value is a programming error. */
export function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z_]+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined) throw new Error(`demo text: no value for {${key}} in "${template.slice(0, 60)}…"`);
    return v;
  });
}

/** The alternative chosen for each slot; the same choices are used in every language. */
export function choose(rng: Rng, slots: readonly Slot[]): number[] {
  return slots.map((s) => (typeof s === 'string' ? 0 : rng.int(0, s.length - 1)));
}

/** A template filled for one language, with the language's final touches. */
export function fillText(pack: DemoTexts, template: string, params: Readonly<Record<string, string>>): string {
  const text = fill(template, params);
  return pack.polish ? pack.polish(text) : text;
}

export function renderSlots(pack: DemoTexts, slots: readonly Slot[], choices: readonly number[], params: Readonly<Record<string, string>>): string {
  return slots
    .map((s, i) => fillText(pack, typeof s === 'string' ? s : s[(choices[i] ?? 0) % s.length]!, params))
    .join(pack.sep);
}

/** First letter upper-cased, independent of the host locale (so the content stays deterministic). */
export const cap = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** Raw values of the placeholders, worded for one language by `wordParams`. */
export interface RawParams {
  years?: number;
  min?: number;
  months?: number;
  days?: number;
  /** Number of persons. */
  n?: number;
  authority?: number;
  year?: number;
  start?: number;
  end?: number;
}

export function wordParams(pack: DemoTexts, raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw.years !== undefined) out.years = pack.count(raw.years, 'year');
  if (raw.min !== undefined) out.min = pack.count(raw.min, 'year');
  if (raw.months !== undefined) out.months = pack.count(raw.months, 'month');
  if (raw.days !== undefined) out.days = pack.count(raw.days, 'day');
  if (raw.n !== undefined) out.n = pack.count(raw.n, 'person');
  if (raw.authority !== undefined) {
    const a = pack.authorities[raw.authority % pack.authorities.length]!;
    out.authority = a;
    out.Authority = cap(a);
  }
  for (const k of ['year', 'start', 'end'] as const) if (raw[k] !== undefined) out[k] = String(raw[k]);
  return out;
}

export interface VersionPlan {
  lang: Lang;
  machine_translated?: true;
  translated_from?: Lang;
}

/**
 * Which language versions an entry has: its original language, often English when the original
 * is another language, and sometimes one more UN language (taken in turn from `rotation`, so that
 * every language appears even in a small corpus). A share of translations is marked as machine
 * translated.
 */
export function planVersions(rng: Rng, original: Lang, rotation: { next: number; covered?: Set<Lang> }): VersionPlan[] {
  const covered = (rotation.covered ??= new Set<Lang>());
  const out: VersionPlan[] = [{ lang: original }];
  const add = (lang: Lang, machineShare: number) => {
    if (out.some((v) => v.lang === lang)) return;
    out.push(rng.chance(machineShare) ? { lang, machine_translated: true, translated_from: original } : { lang, translated_from: original });
  };
  if (original !== 'en' && rng.chance(0.55)) add('en', 0.4);
  // Until every language has appeared in this database, always add one more (so even a small
  // corpus has all six); afterwards only sometimes.
  const missing = LANGS.some((l) => !covered.has(l) && !out.some((v) => v.lang === l));
  if (missing || rng.chance(original === 'en' ? 0.3 : 0.2)) {
    for (let i = 0; i < LANGS.length; i++) {
      const lang = LANGS[rotation.next++ % LANGS.length]!;
      if (!out.some((v) => v.lang === lang) && (!missing || !covered.has(lang))) {
        add(lang, 0.6);
        break;
      }
    }
  }
  for (const v of out) covered.add(v.lang);
  return out;
}
