/**
 * SQL for the public pages beyond whole documents: counts, short entry lists (titles only, never
 * bodies), law summaries, treaty participation of a State, and public attachments.
 * "Public" is the visibility rule of domain/visibility.ts (repository/visibility.ts in SQL).
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ENTRY_TYPES } from '../domain/entry-types.js';
import type { ConsentKind, EntryType, TreatyKind } from '../tables.js';
import { entryIsVisible, visibleMachineTranslatedLangs, visibleTitles } from './visibility.js';

type EntriesEb = ExpressionBuilder<DB, 'entries'>;

/** The entry is visible (domain/visibility.ts). */
const isPublic = (_eb: EntriesEb) => entryIsVisible('entries.id');

export interface EntryFilter {
  type?: EntryType;
  /** The entry's own State. */
  country?: string;
  /** A State that cooperated (cases). */
  cooperatingWith?: string;
  /** Tagged with this instrument article. */
  article?: { treatyId: string; number: string };
  /** Extracts of this law. */
  lawId?: string;
  /** Tagged with this taxonomy term (e.g. the cross-cutting issue "electronic-evidence"). */
  term?: { taxonomy: string; code: string };
  ids?: readonly string[];
}

function filtered(db: Kysely<DB>, f: EntryFilter) {
  let q = db.selectFrom('entries').where(isPublic);
  if (f.type) q = q.where('entries.type', '=', f.type);
  if (f.country) q = q.where('entries.country', '=', f.country);
  if (f.ids) q = q.where('entries.id', 'in', f.ids.length ? [...f.ids] : ['']);
  if (f.cooperatingWith) {
    const country = f.cooperatingWith;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('entry_countries as ec')
          .select(sql`1`.as('one'))
          .whereRef('ec.entry_id', '=', 'entries.id')
          .where('ec.country', '=', country)
          .where('ec.role', '=', 'cooperating'),
      ),
    );
  }
  if (f.article) {
    const { treatyId, number } = f.article;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('entry_articles as ea')
          .select(sql`1`.as('one'))
          .whereRef('ea.entry_id', '=', 'entries.id')
          .where('ea.treaty_id', '=', treatyId)
          .where('ea.number', '=', number),
      ),
    );
  }
  if (f.term) {
    const { taxonomy, code } = f.term;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('entry_terms as et').select(sql`1`.as('one')).whereRef('et.entry_id', '=', 'entries.id').where('et.taxonomy', '=', taxonomy).where('et.code', '=', code)),
    );
  }
  if (f.lawId) {
    const lawId = f.lawId;
    q = q.where((eb) => eb.exists(eb.selectFrom('legislation as lf').select(sql`1`.as('one')).whereRef('lf.entry_id', '=', 'entries.id').where('lf.law_id', '=', lawId)));
  }
  return q;
}

export interface EntrySummaryRow {
  id: string;
  type: EntryType;
  country: string | null;
  date: string | null;
  demo: boolean;
  updated_at: Date;
  /** Published titles by language tag. */
  titles: Record<string, string>;
  /** Published versions that are unreviewed machine translations. */
  mt_langs: string[];
  law_id: string | null;
  article_ref: string | null;
  position: number | null;
  court: string | null;
  case_number: string | null;
}

export type EntryOrder = 'updated' | 'date' | 'position';

/**
 * Short entry rows (titles, no bodies) matching a filter; one query. The page of ids is chosen
 * first (filter, order, limit on entries alone); details are joined for those rows only.
 */
export async function selectEntrySummaries(db: Kysely<DB>, f: EntryFilter, options: { order: EntryOrder; limit: number }): Promise<EntrySummaryRow[]> {
  let page = filtered(db, f)
    .select(['entries.id', 'entries.type', 'entries.country', 'entries.date', 'entries.demo', 'entries.updated_at'])
    .limit(options.limit);
  if (options.order === 'updated') page = page.orderBy('entries.updated_at', 'desc').orderBy('entries.id');
  else if (options.order === 'date') page = page.orderBy(sql`entries.date DESC NULLS LAST`).orderBy('entries.id');
  else {
    page = page
      .leftJoin('legislation as pl', 'pl.entry_id', 'entries.id')
      .orderBy(sql`pl.position ASC NULLS LAST`)
      .orderBy('pl.article_ref')
      .orderBy('entries.id');
  }
  let q = db
    .with('page', () => page)
    .selectFrom('page as e')
    .leftJoin('legislation as l', 'l.entry_id', 'e.id')
    .leftJoin('cases as c', 'c.entry_id', 'e.id')
    .select([
      'e.id',
      'e.type',
      'e.country',
      'e.date',
      'e.demo',
      'e.updated_at',
      'l.law_id',
      'l.article_ref',
      'l.position',
      'c.court',
      'c.case_number',
      visibleTitles('e.id').as('titles'),
      visibleMachineTranslatedLangs('e.id').as('mt_langs'),
    ]);
  if (options.order === 'updated') q = q.orderBy('e.updated_at', 'desc').orderBy('e.id');
  else if (options.order === 'date') q = q.orderBy(sql`e.date DESC NULLS LAST`).orderBy('e.id');
  else q = q.orderBy(sql`l.position ASC NULLS LAST`).orderBy('l.article_ref').orderBy('e.id');
  return (await q.execute()) as EntrySummaryRow[];
}

export async function countEntries(db: Kysely<DB>, f: EntryFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Public entries by database (and State): one grouped scan. */
export async function countEntriesByType(db: Kysely<DB>, f: Pick<EntryFilter, 'country'> = {}): Promise<Map<EntryType, number>> {
  let q = filtered(db, f);
  // The type list lets the (type, country) index serve the lookup of one State.
  if (f.country) q = q.where('entries.type', 'in', [...ENTRY_TYPES]);
  const rows = await q
    .select(['entries.type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('entries.type')
    .execute();
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

/** Public entries per State (all databases), for the list of countries. */
export async function countEntriesByCountry(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await filtered(db, {})
    .where('entries.country', 'is not', null)
    .select(['entries.country', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('entries.country')
    .execute();
  return new Map(rows.map((r) => [r.country as string, Number(r.n)]));
}

export interface LawSummaryRow {
  id: string;
  country: string;
  citation: string | null;
  adopted_on: string | null;
  amended_on: string | null;
  source_url: string | null;
  demo: boolean;
  titles: Record<string, string>;
  mt_langs: string[];
  /** Public extracts of the law. */
  extract_count: number;
}

function lawSummaries(db: Kysely<DB>) {
  return db
    .selectFrom('laws')
    .select([
      'laws.id',
      'laws.country',
      'laws.citation',
      'laws.adopted_on',
      'laws.amended_on',
      'laws.source_url',
      'laws.demo',
      sql<Record<string, string>>`(SELECT coalesce(jsonb_object_agg(t.lang, t.title), '{}'::jsonb) FROM law_texts t WHERE t.law_id = laws.id)`.as('titles'),
      sql<string[]>`coalesce((SELECT array_agg(t.lang ORDER BY t.lang) FROM law_texts t WHERE t.law_id = laws.id AND t.machine_translated), '{}')`.as('mt_langs'),
      sql<number>`(SELECT count(*) FROM legislation x WHERE x.law_id = laws.id AND ${entryIsVisible('x.entry_id')})::int`.as(
        'extract_count',
      ),
    ]);
}

/** Laws by id (titles, not full texts). */
export async function selectLawSummaries(db: Kysely<DB>, ids: readonly string[]): Promise<LawSummaryRow[]> {
  if (!ids.length) return [];
  return (await lawSummaries(db).where('laws.id', 'in', [...new Set(ids)]).execute()) as LawSummaryRow[];
}

/** Laws of a State, those with the most extracts first. */
export async function selectLawsOfCountry(db: Kysely<DB>, country: string, limit: number): Promise<LawSummaryRow[]> {
  return (await lawSummaries(db)
    .where('laws.country', '=', country)
    .orderBy(sql`extract_count DESC`)
    .orderBy('laws.id')
    .limit(limit)
    .execute()) as LawSummaryRow[];
}

export async function countLawsOfCountry(db: Kysely<DB>, country: string): Promise<number> {
  const row = await db.selectFrom('laws').select((eb) => eb.fn.countAll<number>().as('n')).where('country', '=', country).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface TreatySummaryRow {
  id: string;
  kind: TreatyKind;
  short_name: string | null;
  parent_id: string | null;
  adopted_on: string | null;
  demo: boolean;
  titles: Record<string, string>;
}

function treatySummaries(db: Kysely<DB>) {
  return db
    .selectFrom('treaties as tr')
    .innerJoin('entries', 'entries.id', 'tr.entry_id')
    .where(isPublic)
    .select([
      'tr.entry_id as id',
      'tr.kind',
      'tr.short_name',
      'tr.parent_id',
      'tr.adopted_on',
      'entries.demo',
      visibleTitles('tr.entry_id').as('titles'),
    ]);
}

/** Public treaties that supplement the given one (its protocols). */
export async function selectChildTreaties(db: Kysely<DB>, parentId: string): Promise<TreatySummaryRow[]> {
  return (await treatySummaries(db).where('tr.parent_id', '=', parentId).orderBy('tr.adopted_on').orderBy('tr.entry_id').execute()) as TreatySummaryRow[];
}

export async function selectTreatySummaries(db: Kysely<DB>, ids: readonly string[]): Promise<TreatySummaryRow[]> {
  if (!ids.length) return [];
  return (await treatySummaries(db).where('tr.entry_id', 'in', [...new Set(ids)]).execute()) as TreatySummaryRow[];
}

/** Public universal and regional treaties (the multilateral instruments). */
export async function selectMultilateralTreaties(db: Kysely<DB>): Promise<TreatySummaryRow[]> {
  return (await treatySummaries(db).where('tr.kind', '!=', 'bilateral').orderBy('tr.adopted_on').orderBy('tr.entry_id').execute()) as TreatySummaryRow[];
}

export interface ParticipationRow extends TreatySummaryRow {
  signed_on: string | null;
  consent_kind: ConsentKind | null;
  consent_on: string | null;
  entry_into_force_on: string | null;
  has_reservations: boolean;
  has_declarations: boolean;
  party_demo: boolean;
}

/** Every public treaty in which a State has a status row (signature, consent...). */
export async function selectParticipation(db: Kysely<DB>, country: string): Promise<ParticipationRow[]> {
  return (await treatySummaries(db)
    .innerJoin('treaty_parties as p', 'p.treaty_id', 'tr.entry_id')
    .where('p.country', '=', country)
    .select([
      'p.signed_on',
      'p.consent_kind',
      'p.consent_on',
      'p.entry_into_force_on',
      sql<boolean>`p.reservations IS NOT NULL`.as('has_reservations'),
      sql<boolean>`p.declarations IS NOT NULL`.as('has_declarations'),
      'p.demo as party_demo',
    ])
    .orderBy('tr.adopted_on')
    .orderBy('tr.entry_id')
    .execute()) as ParticipationRow[];
}

export interface ArticleLabelRow {
  treaty_id: string;
  number: string;
  short_name: string | null;
  titles: Record<string, string>;
  treaty_titles: Record<string, string>;
}

/** Headings of instrument articles (and their treaty's short name), for tag labels. */
export async function selectArticleLabels(db: Kysely<DB>, refs: readonly { treatyId: string; number: string }[]): Promise<ArticleLabelRow[]> {
  if (!refs.length) return [];
  return (await db
    .selectFrom('treaty_articles as a')
    .innerJoin('treaties as tr', 'tr.entry_id', 'a.treaty_id')
    .select([
      'a.treaty_id',
      'a.number',
      'tr.short_name',
      'a.titles',
      visibleTitles('a.treaty_id').as('treaty_titles'),
    ])
    .where((eb) => eb(eb.refTuple('a.treaty_id', 'a.number'), 'in', refs.map((r) => eb.tuple(r.treatyId, r.number))))
    .execute()) as ArticleLabelRow[];
}

export interface PublicFile {
  id: string;
  filename: string;
  media_type: string;
  byte_size: number;
  content: Buffer;
}

/** A stored file, only if it is the attachment of a law (files may also hold non-public documents). */
export async function selectLawAttachment(db: Kysely<DB>, id: string): Promise<PublicFile | undefined> {
  return db
    .selectFrom('files')
    .select(['files.id', 'files.filename', 'files.media_type', 'files.byte_size', 'files.content'])
    .where('files.id', '=', id)
    .where((eb) => eb.exists(eb.selectFrom('laws').select(sql`1`.as('one')).whereRef('laws.attachment_id', '=', 'files.id')))
    .executeTakeFirst();
}

/** Type of an entry whatever its publication state (for redirects), or undefined. */
export async function selectEntryType(db: Kysely<DB>, id: string): Promise<EntryType | undefined> {
  const row = await db.selectFrom('entries').select('type').where('id', '=', id).executeTakeFirst();
  return row?.type;
}

export async function lawExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('laws').select('id').where('id', '=', id).executeTakeFirst());
}

/** Ids of the public extracts of a law, in the law's order. */
export async function selectExtractIds(db: Kysely<DB>, lawId: string): Promise<string[]> {
  const rows = await filtered(db, { lawId })
    .innerJoin('legislation as l', 'l.entry_id', 'entries.id')
    .select('entries.id')
    .orderBy(sql`l.position ASC NULLS LAST`)
    .orderBy('l.article_ref')
    .orderBy('entries.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The knowledge tables the public pages read; their planner statistics matter. */
export const KNOWLEDGE_READ_TABLES = [
  'entries',
  'entry_texts',
  'legislation',
  'cases',
  'treaties',
  'strategies',
  'entry_articles',
  'entry_terms',
  'entry_countries',
  'laws',
  'law_texts',
  'treaty_articles',
  'treaty_parties',
] as const;

/**
 * ANALYZE the tables that were never analyzed or have more than doubled in size since: PGlite
 * runs no autovacuum, and without statistics the planner picks plans that are quadratic in the
 * number of entries (measured: a country profile over 5,000 entries took 3.3 s instead of 0.1 s).
 * Returns the tables analyzed.
 */
export async function analyzeStaleTables(db: Kysely<DB>, tables: readonly string[] = KNOWLEDGE_READ_TABLES): Promise<string[]> {
  const stale = await sql<{ relname: string }>`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY(${[...tables]}::text[])
      AND pg_relation_size(c.oid) > 0
      AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > 2 * c.relpages + 8)
    ORDER BY c.relname`.execute(db);
  const names = stale.rows.map((r) => r.relname);
  if (names.length) await sql`ANALYZE ${sql.join(names.map((name) => sql.table(name)))}`.execute(db);
  return names;
}
