/**
 * The search thesaurus: groups of equivalent terms kept by curators (thesaurus.edit, audited in the
 * same transaction), and the expansion of query terms with them. Each app node holds the groups
 * as a GenerationCache: the trigger of search_thesaurus moves the "thesaurus" generation, so a
 * change made on one node expands queries on every node from its next search.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { GenerationCache } from '../../platform/db/generations.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { type Actor, assertAllowed } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { ParsedQuery, AnalysedEquivalent } from './domain/query.js';
import { configFor, forExact, forStemming } from './domain/text.js';
import { equivalentsOf, joinThesaurusTerms, lookupTable, parseGroup, type ThesaurusGroup } from './domain/thesaurus.js';
import { analyseEquivalents, deleteGroup, insertGroup, selectGroup, selectGroups, updateGroup } from './repository/thesaurus.js';
import { cachedTerms } from './facet-cache.js';

const held = new GenerationCache('thesaurus', async (db) => {
  const groups = await selectGroups(db);
  return { groups, table: lookupTable(groups) };
});

/**
 * The query with runs of words that form a thesaurus term joined (joinThesaurusTerms), and the
 * equivalents of each of its terms (in termTexts order), analysed; empty lists when none.
 */
export async function expandTerms(db: Kysely<DB>, parsed: ParsedQuery): Promise<{ query: ParsedQuery; equivalents: AnalysedEquivalent[][] }> {
  const { table } = await held.get(db);
  if (!table.size) return { query: parsed, equivalents: [] };
  const query = joinThesaurusTerms(parsed, table);
  const equivalents = equivalentsOf(query, table);
  const flat = equivalents.flat();
  if (!flat.length) return { query, equivalents: [] };
  const items = flat.map((e) => ({ config: configFor(e.lang), stem: e.cjk ? '' : forStemming(e.text), exact: forExact(e.text), cjk: e.cjk }));
  const analysed = await cachedTerms(db, `\u0001${JSON.stringify(items)}`, () => analyseEquivalents(db, items));
  let i = 0;
  return { query, equivalents: equivalents.map((list) => list.map((e) => ({ text: e.text, cjk: e.cjk, analysed: analysed[i++]! }))) };
}

/** Every group, by language then number (curators). */
export async function listThesaurus(db: Kysely<DB>, actor: Actor): Promise<ThesaurusGroup[]> {
  assertAllowed(actor, 'thesaurus.edit');
  return (await held.get(db)).groups;
}

/** One group (curators), or 404. */
export async function getThesaurusGroup(db: Kysely<DB>, actor: Actor, id: number): Promise<ThesaurusGroup> {
  assertAllowed(actor, 'thesaurus.edit');
  const g = Number.isSafeInteger(id) && id > 0 && id < 2 ** 31 ? await selectGroup(db, id) : undefined;
  if (!g) throw new NotFoundError('No such thesaurus group');
  return g;
}

function valid(raw: Record<string, unknown>) {
  const parsed = parseGroup(raw);
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  return parsed.value;
}

/** Add a group; audited. */
export async function addThesaurusGroup(db: Kysely<DB>, ctx: AuditContext, raw: Record<string, unknown>): Promise<number> {
  assertAllowed(ctx.actor, 'thesaurus.edit');
  const g = valid(raw);
  return inTransaction(db, async (trx) => {
    const id = await insertGroup(trx, g);
    await recordAudit(trx, ctx, { action: 'thesaurus.add', targetType: 'thesaurus_group', targetId: String(id), changes: { lang: g.lang, terms: g.terms, note: g.note } });
    return id;
  });
}

/** Change a group; audited with its terms before and after. */
export async function editThesaurusGroup(db: Kysely<DB>, ctx: AuditContext, id: number, raw: Record<string, unknown>): Promise<void> {
  assertAllowed(ctx.actor, 'thesaurus.edit');
  const g = valid(raw);
  await inTransaction(db, async (trx) => {
    const old = await getThesaurusGroup(trx, ctx.actor, id);
    await updateGroup(trx, id, g);
    await recordAudit(trx, ctx, { action: 'thesaurus.edit', targetType: 'thesaurus_group', targetId: String(id), changes: { before: { lang: old.lang, terms: old.terms, note: old.note }, after: { lang: g.lang, terms: g.terms, note: g.note } } });
  });
}

/** Remove a group; audited with what it held. */
export async function removeThesaurusGroup(db: Kysely<DB>, ctx: AuditContext, id: number): Promise<void> {
  assertAllowed(ctx.actor, 'thesaurus.edit');
  await inTransaction(db, async (trx) => {
    const old = await getThesaurusGroup(trx, ctx.actor, id);
    await deleteGroup(trx, id);
    await recordAudit(trx, ctx, { action: 'thesaurus.remove', targetType: 'thesaurus_group', targetId: String(id), changes: { lang: old.lang, terms: old.terms, note: old.note } });
  });
}
