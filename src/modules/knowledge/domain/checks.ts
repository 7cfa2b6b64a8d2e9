/**
 * Rules a knowledge record must satisfy beyond its JSON schema: references to reference data
 * and other records, and consistency between fields. Pure: the sets of known codes are given.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { KnowledgeRecord } from './schemas.js';

export interface ReferenceSets {
  countries: ReadonlySet<string>;
  /** States (treaty parties); every country when absent. */
  states?: ReadonlySet<string>;
  /** States and areas with their own regime (cooperating States of a case); every country when absent. */
  partners?: ReadonlySet<string>;
  /** "untoc:18" */
  articles: ReadonlySet<string>;
  /** "crime:corruption" */
  terms: ReadonlySet<string>;
}

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function dateOk(value: string | undefined): boolean {
  if (!value) return true;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Issues with a record given the reference data; references to laws and treaties are checked by the service. */
export function checkRecord(record: KnowledgeRecord, refs: ReferenceSets): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });

  const texts = record.texts as Record<string, { translated_from?: string; title?: string }>;
  for (const [lang, text] of Object.entries(texts)) {
    if (!LANG_TAG.test(lang)) add(`texts.${lang}`, 'is not a BCP 47 language tag (e.g. en, fr, zh, pt-BR)');
    else if (text.translated_from === lang) add(`texts.${lang}.translated_from`, 'cannot be the language of the version itself');
    if (text.title !== undefined && !text.title.trim()) add(`texts.${lang}.title`, 'must not be blank');
  }
  if ('country' in record && record.country && !refs.countries.has(record.country)) {
    add('country', `unknown country code "${record.country}"`);
  }
  const dateFields = ['date', 'adopted_on', 'amended_on', 'decision_date', 'entry_into_force_on'] as const;
  for (const f of dateFields) {
    const v = (record as Record<string, unknown>)[f];
    if (typeof v === 'string' && !dateOk(v)) add(f, `is not a valid calendar date: ${v}`);
  }

  if (record.type === 'law') return issues;

  record.articles?.forEach((a, i) => {
    if (!refs.articles.has(a)) add(`articles.${i}`, `unknown instrument article "${a}"`);
  });
  const termLists = [
    ['crime_types', 'crime'],
    ['cooperation_types', 'cooperation'],
    ['issues', 'issue'],
    ['measures', 'measure'],
  ] as const;
  for (const [field, taxonomy] of termLists) {
    record[field]?.forEach((code, i) => {
      if (!refs.terms.has(`${taxonomy}:${code}`)) add(`${field}.${i}`, `unknown ${taxonomy} term "${code}"`);
    });
  }

  if (record.type === 'case') {
    record.cooperating_states?.forEach((c, i) => {
      if (!refs.countries.has(c)) add(`cooperating_states.${i}`, `unknown country code "${c}"`);
      else if (refs.partners && !refs.partners.has(c)) add(`cooperating_states.${i}`, `"${c}" is an area, not a State`);
      else if (c === record.country) add(`cooperating_states.${i}`, 'is the country of the case itself');
    });
  }
  if (record.type === 'strategy' && record.period_start && record.period_end && record.period_end < record.period_start) {
    add('period_end', 'is before period_start');
  }
  if (record.type === 'treaty') {
    if (record.parent_id === record.id) add('parent_id', 'cannot be the treaty itself');
    if (record.kind === 'bilateral' && record.parties && record.parties.length !== 2) {
      add('parties', 'a bilateral treaty has exactly two parties');
    }
    const seenParties = new Set<string>();
    record.parties?.forEach((p, i) => {
      if (!refs.countries.has(p.country)) add(`parties.${i}.country`, `unknown country code "${p.country}"`);
      else if (refs.states && !refs.states.has(p.country)) add(`parties.${i}.country`, `"${p.country}" is an area, not a State`);
      if (seenParties.has(p.country)) add(`parties.${i}.country`, `${p.country} is listed twice`);
      seenParties.add(p.country);
      if ((p.consent_kind === undefined) !== (p.consent_on === undefined)) {
        add(`parties.${i}.${p.consent_kind ? 'consent_on' : 'consent_kind'}`, 'consent_kind and consent_on go together');
      }
      for (const f of ['signed_on', 'consent_on', 'entry_into_force_on'] as const) {
        if (!dateOk(p[f])) add(`parties.${i}.${f}`, `is not a valid calendar date: ${p[f]}`);
      }
    });
    const seenNumbers = new Set<string>();
    record.provisions?.forEach((p, i) => {
      if (seenNumbers.has(p.number)) add(`provisions.${i}.number`, `article ${p.number} is listed twice`);
      seenNumbers.add(p.number);
      p.terms?.forEach((t, j) => {
        if (!refs.terms.has(t)) add(`provisions.${i}.terms.${j}`, `unknown term "${t}"`);
      });
      for (const lang of [...Object.keys(p.titles ?? {}), ...Object.keys(p.texts ?? {})]) {
        if (!LANG_TAG.test(lang)) add(`provisions.${i}`, `"${lang}" is not a BCP 47 language tag`);
      }
    });
  }
  return issues;
}
