/** Names shown for the codes of the figures: vocabulary from the catalogue, States, regions and taxonomy terms from the reference data. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../../platform/db/schema.js';
import type { Lang } from '../../../../platform/i18n/languages.js';
import { translator, type Translate } from '../../../../platform/i18n/messages.js';
import { countryName, listCountries, listRegions, listTerms, termLabel } from '../../../reference/index.js';
import { caseworkStatisticsMessages, type CaseworkStatisticsMessageKey } from '../../casework-statistics.messages.js';
import { BACKLOG_BUCKETS } from '../domain/figures.js';

export const st = (lang: Lang): Translate<CaseworkStatisticsMessageKey> => translator(caseworkStatisticsMessages, lang);

export interface Labels {
  country(iso3: string): string;
  region(code: string): string;
  measure(code: string): string;
  offence(code: string): string;
  /** A vocabulary code of the catalogue (kind_mla, outcome_refused, state_received, …), or the code itself. */
  vocab(prefix: 'kind' | 'outcome' | 'ground' | 'basis' | 'state' | 'direction', code: string): string;
  age(bucket: string): string;
}

export async function labelsFor(db: Kysely<DB>, lang: Lang): Promise<Labels> {
  const [countries, regions, terms] = await Promise.all([listCountries(db), listRegions(db), listTerms(db)]);
  const t = st(lang);
  const keys = new Set<string>(Object.keys(caseworkStatisticsMessages.en));
  return {
    country: (iso3) => countryName(countries, iso3, lang),
    region: (code) => {
      const r = regions.find((x) => x.code === code);
      return r ? (r.names[lang] || r.names.en || code) : t('region_unknown');
    },
    measure: (code) => termLabel(terms, 'measure', code, lang),
    offence: (code) => termLabel(terms, 'crime', code, lang),
    vocab: (prefix, code) => {
      if (prefix === 'basis' && code === 'untoc_as_legal_basis') return t('untoc_as_legal_basis');
      const key = `${prefix}_${code}`;
      return keys.has(key) ? t(key as CaseworkStatisticsMessageKey) : code;
    },
    age: (bucket) => {
      const b = BACKLOG_BUCKETS.find((x) => x.key === bucket);
      if (!b) return bucket;
      return b.to === null ? t('age_over', { from: b.from }) : t('age_range', { from: b.from, to: b.to });
    },
  };
}
