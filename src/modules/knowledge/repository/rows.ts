/** Mapping between the canonical documents and table rows (both directions). Pure. */
import type { Insertable, Selectable } from 'kysely';
import { json } from '../../../platform/db/types.js';
import type {
  CasesTable,
  EntriesTable,
  EntryOrigin,
  EntryTextsTable,
  LawsTable,
  LawTextsTable,
  LegislationTable,
  StrategiesTable,
  TreatiesTable,
  TreatyArticlesTable,
  TreatyPartiesTable,
} from '../tables.js';
import type { EntryDocument, EntryText, LawDocument, Provision, TreatyParty } from '../domain/schemas.js';
import { parseArticleRef } from '../domain/entry-types.js';

export interface EntryRows {
  entry: Insertable<EntriesTable>;
  texts: Insertable<EntryTextsTable>[];
  legislation?: Insertable<LegislationTable>;
  case?: Insertable<CasesTable>;
  treaty?: Insertable<TreatiesTable>;
  strategy?: Insertable<StrategiesTable>;
  articles: { entry_id: string; treaty_id: string; number: string }[];
  terms: { entry_id: string; taxonomy: string; code: string }[];
  countries: { entry_id: string; country: string; role: 'cooperating' }[];
  /** undefined: leave the treaty's provisions as they are. */
  provisions?: { row: Insertable<TreatyArticlesTable>; terms: { taxonomy: string; code: string }[] }[];
  /** undefined: leave the treaty's parties as they are. */
  parties?: Insertable<TreatyPartiesTable>[];
}

const nn = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The primary date of an entry when the document gives none. */
function primaryDate(doc: EntryDocument, lawDate?: string | null): string | null {
  if (doc.date) return doc.date;
  switch (doc.type) {
    case 'case':
      return doc.decision_date ?? null;
    case 'treaty':
      return doc.adopted_on ?? null;
    case 'strategy':
      return doc.period_start ? `${doc.period_start}-01-01` : null;
    case 'legislation':
      return lawDate ?? null;
  }
}

export function entryToRows(doc: EntryDocument, meta: { origin: EntryOrigin; hash: string; lawDate?: string | null; now: Date }): EntryRows {
  const id = doc.id;
  const rows: EntryRows = {
    entry: {
      id,
      type: doc.type,
      country: 'country' in doc && doc.country ? doc.country : null,
      date: primaryDate(doc, meta.lawDate),
      original_lang: nn(doc.original_lang),
      demo: doc.demo ?? false,
      origin: meta.origin,
      content_hash: meta.hash,
      ...(doc.created_at ? { created_at: doc.created_at } : {}),
      updated_at: doc.updated_at ?? meta.now,
    },
    texts: Object.entries(doc.texts).map(([lang, t]) => ({
      entry_id: id,
      lang,
      title: t.title.trim(),
      summary: nn(t.summary),
      body: nn(t.body),
      facts: nn(t.facts),
      decision: nn(t.decision),
      commentary: nn(t.commentary),
      status: t.status ?? 'published',
      machine_translated: t.machine_translated ?? false,
      translated_from: nn(t.translated_from),
      updated_at: meta.now,
    })),
    articles: (doc.articles ?? []).map((ref) => {
      const { treatyId, number } = parseArticleRef(ref);
      return { entry_id: id, treaty_id: treatyId, number };
    }),
    terms: [
      ...(doc.crime_types ?? []).map((code) => ({ entry_id: id, taxonomy: 'crime', code })),
      ...(doc.cooperation_types ?? []).map((code) => ({ entry_id: id, taxonomy: 'cooperation', code })),
      ...(doc.issues ?? []).map((code) => ({ entry_id: id, taxonomy: 'issue', code })),
      ...(doc.measures ?? []).map((code) => ({ entry_id: id, taxonomy: 'measure', code })),
    ],
    countries: [],
  };
  switch (doc.type) {
    case 'legislation':
      rows.legislation = { entry_id: id, law_id: doc.law_id, article_ref: nn(doc.article_ref), position: nn(doc.position) };
      break;
    case 'case':
      rows.case = {
        entry_id: id,
        court: nn(doc.court),
        case_number: nn(doc.case_number),
        ecli: nn(doc.ecli),
        decision_date: nn(doc.decision_date),
        untoc_legal_basis: nn(doc.untoc_legal_basis),
        sources: json(doc.sources ?? []),
        neutral_citation: nn(doc.neutral_citation),
        parties: json(doc.parties ?? []),
        judges: json(doc.judges ?? []),
      };
      rows.countries = (doc.cooperating_states ?? []).map((country) => ({ entry_id: id, country, role: 'cooperating' as const }));
      break;
    case 'treaty':
      rows.treaty = {
        entry_id: id,
        kind: doc.kind,
        short_name: nn(doc.short_name),
        organization: nn(doc.organization),
        adopted_on: nn(doc.adopted_on),
        adopted_at: nn(doc.adopted_at),
        entry_into_force_on: nn(doc.entry_into_force_on),
        depositary: nn(doc.depositary),
        parent_id: nn(doc.parent_id),
        source_url: nn(doc.source_url),
      };
      if (doc.provisions) {
        rows.provisions = doc.provisions.map((p, position) => ({
          row: { treaty_id: id, number: p.number, position, titles: json(p.titles ?? {}), texts: json(p.texts ?? {}) },
          terms: (p.terms ?? []).map((t) => {
            const [taxonomy = '', code = ''] = t.split(':');
            return { taxonomy, code };
          }),
        }));
      }
      if (doc.parties) rows.parties = doc.parties.map((p) => partyToRow(id, p, meta.now));
      break;
    case 'strategy':
      rows.strategy = {
        entry_id: id,
        period_start: nn(doc.period_start),
        period_end: nn(doc.period_end),
        adopted_by: nn(doc.adopted_by),
        source_url: nn(doc.source_url),
      };
      break;
  }
  return rows;
}

export function partyToRow(treatyId: string, p: TreatyParty, now: Date): Insertable<TreatyPartiesTable> {
  return {
    treaty_id: treatyId,
    country: p.country,
    signed_on: nn(p.signed_on),
    consent_kind: nn(p.consent_kind),
    consent_on: nn(p.consent_on),
    entry_into_force_on: nn(p.entry_into_force_on),
    reservations: nn(p.reservations),
    declarations: nn(p.declarations),
    notes: nn(p.notes),
    demo: p.demo ?? false,
    updated_at: now,
  };
}

export function lawToRows(doc: LawDocument, meta: { origin: EntryOrigin; hash: string; attachmentId: string | null; now: Date }) {
  const law: Insertable<LawsTable> = {
    id: doc.id,
    country: doc.country,
    citation: nn(doc.citation),
    adopted_on: nn(doc.adopted_on),
    amended_on: nn(doc.amended_on),
    source_url: nn(doc.source_url),
    attachment_id: meta.attachmentId,
    original_lang: nn(doc.original_lang),
    demo: doc.demo ?? false,
    origin: meta.origin,
    content_hash: meta.hash,
    ...(doc.created_at ? { created_at: doc.created_at } : {}),
    updated_at: doc.updated_at ?? meta.now,
  };
  const texts: Insertable<LawTextsTable>[] = Object.entries(doc.texts).map(([lang, t]) => ({
    law_id: doc.id,
    lang,
    title: t.title.trim(),
    full_text: nn(t.full_text),
    machine_translated: t.machine_translated ?? false,
    translated_from: nn(t.translated_from),
  }));
  return { law, texts };
}

// ---- rows -> documents ----

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function textFromRow(t: Selectable<EntryTextsTable>): EntryText {
  const out: EntryText = { title: t.title };
  if (t.summary) out.summary = t.summary;
  if (t.body) out.body = t.body;
  if (t.facts) out.facts = t.facts;
  if (t.decision) out.decision = t.decision;
  if (t.commentary) out.commentary = t.commentary;
  out.status = t.status;
  if (t.machine_translated) out.machine_translated = true;
  if (t.translated_from) out.translated_from = t.translated_from;
  return out;
}

export interface EntryParts {
  entry: Selectable<EntriesTable>;
  texts: Selectable<EntryTextsTable>[];
  legislation?: Selectable<LegislationTable>;
  case?: Selectable<CasesTable>;
  treaty?: Selectable<TreatiesTable>;
  strategy?: Selectable<StrategiesTable>;
  articles: string[];
  terms: { taxonomy: string; code: string }[];
  cooperating: string[];
  provisions?: Provision[];
  parties?: TreatyParty[];
}

export function entryFromParts(p: EntryParts): EntryDocument {
  const e = p.entry;
  const termsOf = (taxonomy: string) => p.terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.code).sort();
  const base = {
    id: e.id,
    ...(e.date ? { date: e.date } : {}),
    ...(e.original_lang ? { original_lang: e.original_lang } : {}),
    texts: Object.fromEntries(p.texts.map((t) => [t.lang, textFromRow(t)])),
    articles: [...p.articles].sort(),
    crime_types: termsOf('crime'),
    cooperation_types: termsOf('cooperation'),
    issues: termsOf('issue'),
    measures: termsOf('measure'),
    ...(e.demo ? { demo: true } : {}),
    created_at: iso(e.created_at),
    updated_at: iso(e.updated_at),
  };
  switch (e.type) {
    case 'legislation': {
      const l = p.legislation!;
      return {
        type: 'legislation',
        ...base,
        country: e.country!,
        law_id: l.law_id,
        ...(l.article_ref ? { article_ref: l.article_ref } : {}),
        ...(l.position !== null ? { position: l.position } : {}),
      };
    }
    case 'case': {
      const c = p.case!;
      return {
        type: 'case',
        ...base,
        country: e.country!,
        ...(c.court ? { court: c.court } : {}),
        ...(c.case_number ? { case_number: c.case_number } : {}),
        ...(c.ecli ? { ecli: c.ecli } : {}),
        ...(c.decision_date ? { decision_date: c.decision_date } : {}),
        ...(c.untoc_legal_basis !== null ? { untoc_legal_basis: c.untoc_legal_basis } : {}),
        cooperating_states: [...p.cooperating].sort(),
        sources: c.sources ?? [],
        ...(c.neutral_citation ? { neutral_citation: c.neutral_citation } : {}),
        ...(c.parties?.length ? { parties: c.parties } : {}),
        ...(c.judges?.length ? { judges: c.judges } : {}),
      };
    }
    case 'treaty': {
      const t = p.treaty!;
      return {
        type: 'treaty',
        ...base,
        ...(e.country ? { country: e.country } : {}),
        kind: t.kind,
        short_name: opt(t.short_name),
        organization: opt(t.organization),
        adopted_on: opt(t.adopted_on),
        adopted_at: opt(t.adopted_at),
        entry_into_force_on: opt(t.entry_into_force_on),
        depositary: opt(t.depositary),
        parent_id: opt(t.parent_id),
        source_url: opt(t.source_url),
        provisions: p.provisions ?? [],
        parties: p.parties ?? [],
      };
    }
    case 'strategy': {
      const s = p.strategy!;
      return {
        type: 'strategy',
        ...base,
        country: e.country!,
        period_start: opt(s.period_start),
        period_end: opt(s.period_end),
        adopted_by: opt(s.adopted_by),
        source_url: opt(s.source_url),
      };
    }
  }
}

export function partyFromRow(r: Selectable<TreatyPartiesTable>): TreatyParty {
  const out: TreatyParty = { country: r.country };
  if (r.signed_on) out.signed_on = r.signed_on;
  if (r.consent_kind) out.consent_kind = r.consent_kind;
  if (r.consent_on) out.consent_on = r.consent_on;
  if (r.entry_into_force_on) out.entry_into_force_on = r.entry_into_force_on;
  if (r.reservations) out.reservations = r.reservations;
  if (r.declarations) out.declarations = r.declarations;
  if (r.notes) out.notes = r.notes;
  if (r.demo) out.demo = true;
  return out;
}
