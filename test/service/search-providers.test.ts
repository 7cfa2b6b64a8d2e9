/**
 * Service providers in the portal's search (issue 12 §3, migration 0090): a published provider is
 * found by its name and by the labels of its services and data categories, in English and in
 * French, under the type facet "Service providers", linking to its public page; a draft, an archived
 * provider and every practitioners-only field (emergency contact, a restricted legal entity, request
 * channels) are never found. With PostgreSQL, a second node (its own in-memory indexes and caches)
 * sees each publication and archiving at once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { openNode } from '../helpers/search-index.js';
import { aUser, type TestUser } from '../factories/users.js';
import { aProvider, PROVIDER_SECRET } from '../factories/providers.js';
import type { Runtime } from '../../src/runtime.js';
import type { ProviderDocument } from '../../src/modules/providers/domain/schema.js';
import { saveProviderDraft, transitionProvider } from '../../src/modules/providers/editing.js';
import { search } from '../../src/modules/search/service.js';
import { parseSearchParams } from '../../src/modules/search/domain/params.js';
import { reindexAll } from '../../src/modules/search/indexer.js';
import { recentRevisionsFor } from './providers-support.js';

const server = Boolean(process.env.TEST_DATABASE_URL);

describe('service providers in search', () => {
  let rt: TestRuntime;
  let nodeB: (Runtime & { close(): Promise<void> }) | undefined;
  let curator1: TestUser;
  let curator2: TestUser;
  const tag = `p${process.pid}`;
  before(async () => {
    rt = await createTestRuntime();
    curator1 = await aUser(rt.db, [{ role: 'curator' }], 'Curator One');
    curator2 = await aUser(rt.db, [{ role: 'curator' }], 'Curator Two');
    if (server) nodeB = await openNode(rt);
  });
  after(async () => {
    await nodeB?.close();
    await rt?.close();
  });

  async function publish(doc: ProviderDocument) {
    const r = await saveProviderDraft(rt.db, curator1.ctx, doc.id, doc);
    await transitionProvider(rt.db, curator1.ctx, doc.id, r.id, 'submit');
    await transitionProvider(rt.db, curator2.ctx, doc.id, r.id, 'publish');
  }

  /** Search on this node and, with PostgreSQL, on the second node: both must answer the same. */
  async function find(raw: Record<string, string>) {
    const p = parseSearchParams({ verbatim: '1', ...raw });
    assert.ok(p.ok);
    const here = await search(rt.db, p.value);
    if (nodeB) {
      const there = await search(nodeB.db, p.value);
      assert.deepEqual(there.results.map((r) => r.url), here.results.map((r) => r.url), `node B agrees on ${JSON.stringify(raw)}`);
      assert.equal(there.total, here.total);
      assert.deepEqual(there.facets.type, here.facets.type);
    }
    return here;
  }
  const ids = (o: Awaited<ReturnType<typeof find>>) => o.results.map((r) => r.id);

  const doc = aProvider({
    names: { en: `Wallaby Cloud ${tag}`, fr: `Nuage Wallaby ${tag}`, zh: `小袋鼠云${tag}` },
    services: ['cloud_storage', 'email'],
    data: [{ category: 'subscriber', retention_days: 180 }],
    notes: { en: `Answers requests from ${tag} investigators.` },
  });

  it('finds a published provider by name and by a service or data category word, in English and French', async () => {
    // Seen before publication (an empty answer is cached under this generation).
    assert.equal((await find({ q: `wallaby ${tag}` })).total, 0);
    await publish(doc);

    const en = await find({ q: `wallaby ${tag}` });
    assert.deepEqual(ids(en), [doc.id]);
    const hit = en.results[0]!;
    assert.equal(hit.type, 'provider');
    assert.equal(hit.title, `Wallaby Cloud ${tag}`);
    assert.equal(hit.url, `/en/e-evidence/providers/${doc.id}`);
    assert.equal(hit.lang, 'en');

    const fr = await find({ q: `nuage ${tag}`, hl: 'fr' });
    assert.deepEqual(ids(fr), [doc.id]);
    assert.equal(fr.results[0]!.title, `Nuage Wallaby ${tag}`);
    assert.equal(fr.results[0]!.url, `/fr/e-evidence/providers/${doc.id}`);

    // Service and data-category labels, in each language, with the stemmed analysis.
    assert.deepEqual(ids(await find({ q: `"cloud storage" ${tag}` })), [doc.id]);
    assert.deepEqual(ids(await find({ q: `subscriber ${tag}` })), [doc.id]);
    assert.deepEqual(ids(await find({ q: `stockage ${tag}`, hl: 'fr' })), [doc.id]);
    assert.deepEqual(ids(await find({ q: `abonnés ${tag}`, hl: 'fr' })), [doc.id]);
    assert.deepEqual(ids(await find({ q: `小袋鼠云${tag}`, hl: 'zh' })), [doc.id]);
  });

  it('counts providers under the type facet in six languages and filters by it', async () => {
    const all = await find({ q: tag });
    const facet = all.facets.type.find((v) => v.value === 'provider');
    assert.equal(facet?.count, 1);
    assert.equal(facet?.label, 'Service providers');
    const labels = await Promise.all(['ar', 'zh', 'fr', 'es', 'ru'].map(async (hl) => (await find({ q: tag, hl })).facets.type.find((v) => v.value === 'provider')?.label));
    assert.deepEqual(labels, ['مقدمو الخدمات', '服务提供商', 'Fournisseurs de services', 'Proveedores de servicios', 'Поставщики услуг']);
    const only = await find({ q: tag, type: 'provider' });
    assert.deepEqual(ids(only), [doc.id]);
    assert.equal((await find({ q: tag, type: 'case' })).total, 0);
    // Browsing the providers (no query) lists them too.
    assert.ok(ids(await find({ type: 'provider' })).includes(doc.id));
  });

  it('never finds a draft, nor practitioners-only fields', async () => {
    const draft = aProvider({ names: { en: `Numbat Drafted ${tag}` } });
    await saveProviderDraft(rt.db, curator1.ctx, draft.id, draft);
    assert.equal((await find({ q: `numbat ${tag}` })).total, 0, 'an unpublished draft');
    for (const secret of ['Wombatronic', PROVIDER_SECRET.emergencyEmail, PROVIDER_SECRET.emergencyPhone, PROVIDER_SECRET.portal, 'quokka-secret', 'night desk']) {
      assert.equal((await find({ q: secret })).total, 0, `"${secret}" is practitioners-only`);
    }
    // Nor anywhere in the stored vectors or documents.
    const leaked = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM search_documents d JOIN search_match m USING (doc_no)
      WHERE d.provider_id IS NOT NULL AND (m.document::text ILIKE '%wombatronic%' OR m.document::text ILIKE '%secret%' OR d.context::text ILIKE '%wombatronic%' OR d.titles::text ILIKE '%night%')`.execute(rt.db);
    assert.equal(leaked.rows[0]!.n, 0);
    // A public legal entity is shown and found.
    const open = aProvider({ names: { en: `Bilby Hosting ${tag}` }, legal_entity: `Bilby Open Ltd ${tag}`, visibility: { legal_entity: 'public' } });
    await publish(open);
    const found = await find({ q: `bilby open ${tag}` });
    assert.deepEqual(ids(found), [open.id]);
    assert.match(found.results[0]!.context ?? '', /Bilby Open Ltd/);
  });

  it('follows changes, archiving and a full rebuild', async () => {
    await publish({ ...doc, names: { en: `Wallaby Vault ${tag}` } });
    assert.equal((await find({ q: `nuage ${tag}`, hl: 'fr' })).total, 0, 'the old French name is gone');
    assert.deepEqual(ids(await find({ q: `wallaby vault ${tag}` })), [doc.id]);
    const live = (await recentRevisionsFor(rt.db, doc.id)).find((r) => r.state === 'published')!;
    await transitionProvider(rt.db, curator1.ctx, doc.id, live.id, 'archive', { comment: 'closed' });
    assert.equal((await find({ q: `wallaby ${tag}` })).total, 0, 'archived');
    await reindexAll(rt.db);
    assert.equal((await find({ q: `wallaby ${tag}` })).total, 0, 'still gone after a rebuild');
    assert.equal((await find({ q: `bilby ${tag}` })).total, 1, 'rebuilt from the providers module');
  });
});
