/**
 * The vocabulary of indexed words (search_vocabulary, migration 0073) and the spelling suggestions
 * drawn from it by trigram similarity (pg_trgm, in PGlite and PostgreSQL alike).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { SIMPLE_CONFIG } from '../domain/text.js';

/**
 * Add the words of the exact analysis of the given texts (3–40 characters, no digits or
 * punctuation). New words are inserted in word order, so two writers adding the same ones wait
 * for each other instead of deadlocking.
 */
export async function addVocabulary(db: Kysely<DB>, texts: readonly string[]): Promise<void> {
  if (!texts.length) return;
  await sql`
    INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM unnest(${[...texts]}::text[]) AS t(txt), unnest(tsvector_to_array(to_tsvector(${SIMPLE_CONFIG}::regconfig, t.txt))) AS w
    WHERE char_length(w) BETWEEN 3 AND 40 AND w !~ '[0-9_./:@-]'
      AND NOT EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.word = w)
    ORDER BY w
    ON CONFLICT (word) DO NOTHING`.execute(db);
}

/**
 * For each word (exact analysis of a query word), the most similar known words other than itself,
 * best first (similarity, then the word): at most `limit` each, similarity at least 0.3.
 */
export async function similarWords(db: Kysely<DB>, words: readonly string[], limit = 3): Promise<Map<string, { word: string; similarity: number }[]>> {
  const out = new Map<string, { word: string; similarity: number }[]>();
  if (!words.length) return out;
  const r = await sql<{ q: string; word: string; similarity: number }>`
    SELECT q.q, s.word, s.similarity
    FROM unnest(${[...words]}::text[]) AS q(q)
    CROSS JOIN LATERAL (
      SELECT v.word, similarity(v.word, q.q)::float8 AS similarity FROM search_vocabulary v
      WHERE v.word % q.q AND v.word <> q.q
      ORDER BY similarity(v.word, q.q) DESC, v.word
      LIMIT ${limit}
    ) s`.execute(db);
  for (const row of r.rows) (out.get(row.q) ?? out.set(row.q, []).get(row.q)!).push({ word: row.word, similarity: Number(row.similarity) });
  return out;
}

/** The exact analysis of query words (what the vocabulary holds for each): '' when nothing is left. */
export async function exactWords(db: Kysely<DB>, words: readonly string[]): Promise<string[]> {
  if (!words.length) return [];
  const r = await sql<{ w: string }>`
    SELECT coalesce(array_to_string(tsvector_to_array(to_tsvector(${SIMPLE_CONFIG}::regconfig, t.w)), ' '), '') AS w
    FROM unnest(${[...words]}::text[]) WITH ORDINALITY AS t(w, ord) ORDER BY t.ord`.execute(db);
  return r.rows.map((x) => x.w);
}

/** Which of the words the vocabulary holds. */
export async function knownWords(db: Kysely<DB>, words: readonly string[]): Promise<Set<string>> {
  if (!words.length) return new Set();
  const rows = await db.selectFrom('search_vocabulary').select('word').where('word', 'in', [...words]).execute();
  return new Set(rows.map((r) => r.word));
}

/** Which of the words (exact analysis) some document still holds (the vocabulary only grows). */
export async function wordsFound(db: Kysely<DB>, words: readonly string[]): Promise<Set<string>> {
  if (!words.length) return new Set();
  const r = await sql<{ w: string }>`
    SELECT w FROM unnest(${[...words]}::text[]) AS w
    WHERE EXISTS (SELECT 1 FROM search_match m WHERE m.document @@ quote_literal(w)::tsquery)`.execute(db);
  return new Set(r.rows.map((x) => x.w));
}
