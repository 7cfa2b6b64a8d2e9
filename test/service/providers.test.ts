/**
 * Providers (e-evidence hub) against the real database: curators publish through the workflow with
 * four eyes, practitioners-only fields never reach anonymous readers (get, search, filters), bad
 * documents are refused naming the field, demo providers come and go with the demo data, and a
 * State's national provisions list its legislation tagged "electronic evidence".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { aProvider, PROVIDER_SECRET } from '../factories/providers.js';
import { aLaw, anExtract } from '../factories/knowledge.js';
import { ANONYMOUS } from '../../src/modules/access/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../src/platform/http/errors.js';
import { saveProviderDraft, transitionProvider } from '../../src/modules/providers/editing.js';
import { getProvider, searchProviders } from '../../src/modules/providers/service.js';
import { DEMO_PROVIDERS, seedDemoProviders } from '../../src/modules/providers/demo.js';
import { nationalProvisions } from '../../src/modules/providers/provisions.js';
import { removeDemo } from '../../src/modules/demo/service.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { recentRevisionsFor } from './providers-support.js';

describe('providers services', () => {
  let rt: TestRuntime;
  let curator1: TestUser;
  let curator2: TestUser;
  let practitioner: TestUser;
  let focalPoint: TestUser;
  before(async () => {
    rt = await createTestRuntime();
    curator1 = await aUser(rt.db, [{ role: 'curator' }], 'Curator One');
    curator2 = await aUser(rt.db, [{ role: 'curator' }], 'Curator Two');
    practitioner = await aUser(rt.db, [{ role: 'practitioner' }], 'Prac');
    focalPoint = await aUser(rt.db, [{ role: 'focal_point', country: 'DEU' }], 'FP');
  });
  after(async () => rt?.close());

  /** Draft by curator1, submitted, published by curator2. */
  async function publish(doc = aProvider()) {
    const r = await saveProviderDraft(rt.db, curator1.ctx, doc.id, doc);
    await transitionProvider(rt.db, curator1.ctx, doc.id, r.id, 'submit');
    await transitionProvider(rt.db, curator2.ctx, doc.id, r.id, 'publish');
    return doc;
  }

  it('publishes only with four eyes, and only curators keep providers', async () => {
    const doc = aProvider();
    await assert.rejects(saveProviderDraft(rt.db, { actor: ANONYMOUS, ip: '127.0.0.1', requestId: 'anon' }, doc.id, doc), UnauthorizedError);
    for (const u of [practitioner, focalPoint]) await assert.rejects(saveProviderDraft(rt.db, u.ctx, doc.id, doc), ForbiddenError);
    const r = await saveProviderDraft(rt.db, curator1.ctx, doc.id, doc, 'first');
    assert.equal(r.state, 'draft');
    await assert.rejects(getProvider(rt.db, curator1.actor, doc.id), NotFoundError, 'a draft is not live');
    await transitionProvider(rt.db, curator1.ctx, doc.id, r.id, 'submit');
    await assert.rejects(transitionProvider(rt.db, curator1.ctx, doc.id, r.id, 'publish'), ForbiddenError, 'nobody publishes their own change');
    await assert.rejects(transitionProvider(rt.db, curator2.ctx, doc.id, r.id, 'return', { comment: ' ' }), ValidationError, 'returning needs a reason');
    await assert.rejects(transitionProvider(rt.db, practitioner.ctx, doc.id, r.id, 'publish'), ForbiddenError);
    await assert.rejects(transitionProvider(rt.db, curator2.ctx, 'another-provider', r.id, 'publish'), NotFoundError, 'a revision of another provider');
    await transitionProvider(rt.db, curator2.ctx, doc.id, r.id, 'publish');
    const live = await getProvider(rt.db, ANONYMOUS, doc.id);
    assert.equal(live.doc.verified?.on, new Date().toISOString().slice(0, 10), 'publication is the verification');
    assert.equal(live.state, 'published');

    // A draft edited by two curators can be published by neither: a third must review it.
    const r2 = await saveProviderDraft(rt.db, curator2.ctx, doc.id, { ...doc, languages: ['de', 'en', 'fr'] });
    await saveProviderDraft(rt.db, curator1.ctx, doc.id, { ...doc, languages: ['de', 'fr'] });
    await transitionProvider(rt.db, curator2.ctx, doc.id, r2.id, 'submit');
    for (const c of [curator1, curator2]) await assert.rejects(transitionProvider(rt.db, c.ctx, doc.id, r2.id, 'publish'), ForbiddenError);
    await transitionProvider(rt.db, curator2.ctx, doc.id, r2.id, 'withdraw');
    await transitionProvider(rt.db, curator2.ctx, doc.id, r2.id, 'discard');
    const revisions = await recentRevisionsFor(rt.db, doc.id);
    assert.ok(revisions.some((x) => x.state === 'published'));

    // Archive: gone for readers, still there for curators; restore brings it back.
    const published = revisions.find((x) => x.state === 'published')!;
    await assert.rejects(transitionProvider(rt.db, curator1.ctx, doc.id, published.id, 'archive', { comment: '' }), ValidationError);
    await transitionProvider(rt.db, curator1.ctx, doc.id, published.id, 'archive', { comment: 'no longer in business' });
    await assert.rejects(getProvider(rt.db, ANONYMOUS, doc.id), NotFoundError);
    await assert.rejects(getProvider(rt.db, practitioner.actor, doc.id), NotFoundError);
    assert.equal((await getProvider(rt.db, curator2.actor, doc.id)).state, 'archived');
    assert.equal((await searchProviders(rt.db, ANONYMOUS, { q: doc.names.en })).total, 0);
    await transitionProvider(rt.db, curator1.ctx, doc.id, published.id, 'restore');
    assert.equal((await getProvider(rt.db, ANONYMOUS, doc.id)).state, 'published');
  });

  it('shows practitioners-only fields to practitioners only: get, search text and filters', async () => {
    const doc = await publish(aProvider({ visibility: { legal_entity: 'practitioners', data: 'practitioners' } }));
    const anon = await getProvider(rt.db, ANONYMOUS, doc.id);
    const json = JSON.stringify(anon.doc);
    for (const [k, v] of Object.entries(PROVIDER_SECRET)) assert.ok(!json.includes(v), `${k} leaked to an anonymous reader`);
    assert.equal(anon.doc.emergency_contact, undefined);
    assert.equal(anon.doc.requests, undefined, 'how to send requests is for practitioners by default');
    assert.equal(anon.doc.data, undefined);
    assert.ok(anon.withheld && !anon.restricted);
    assert.deepEqual(anon.doc.services, ['email', 'cloud_storage'], 'services are always public');

    const prac = await getProvider(rt.db, practitioner.actor, doc.id);
    assert.equal(prac.doc.emergency_contact?.phone, PROVIDER_SECRET.emergencyPhone);
    assert.equal(prac.doc.legal_entity, PROVIDER_SECRET.legalEntity);
    assert.ok(prac.restricted && !prac.withheld);

    // Searching a restricted word finds nothing for the public, the provider for practitioners.
    const word = 'wombatronic';
    assert.equal((await searchProviders(rt.db, ANONYMOUS, { q: word })).total, 0);
    assert.ok((await searchProviders(rt.db, practitioner.actor, { q: word })).items.some((i) => i.doc.id === doc.id));
    // The data-category filter does not reveal restricted data held.
    assert.ok(!(await searchProviders(rt.db, ANONYMOUS, { category: 'subscriber' })).items.some((i) => i.doc.id === doc.id));
    assert.ok((await searchProviders(rt.db, practitioner.actor, { category: 'subscriber' })).items.some((i) => i.doc.id === doc.id));
    // Public fields search and filter for everyone.
    const open = await publish(aProvider({ country: 'FRA', services: ['payments'], visibility: { data: 'public', legal_entity: 'public' } }));
    assert.deepEqual((await searchProviders(rt.db, ANONYMOUS, { country: 'FRA', service: 'payments', category: 'subscriber' })).items.map((i) => i.doc.id), [open.id]);
    assert.equal((await searchProviders(rt.db, ANONYMOUS, { q: open.names.zh })).items[0]?.doc.id, open.id, 'names match in any language');
    assert.equal((await searchProviders(rt.db, ANONYMOUS, { q: '100%_\\' })).total, 0, 'LIKE wildcards are taken literally');
  });

  it('refuses bad documents and queries naming each field, writing nothing', async () => {
    const bad = { ...aProvider(), country: 'XXX', services: ['carrier_pigeon'], data: [{ category: 'subscriber' }, { category: 'subscriber', retention_days: -1 }] };
    const e = await saveProviderDraft(rt.db, curator1.ctx, bad.id, bad).catch((x: unknown) => x);
    assert.ok(e instanceof ValidationError);
    const fields = (e.issues ?? []).map((i) => i.field);
    assert.ok(fields.includes('services.0'), fields.join());
    assert.ok(fields.some((f) => f.startsWith('data.1.retention_days')), fields.join());
    const e2 = await saveProviderDraft(rt.db, curator1.ctx, bad.id, { ...aProvider(), id: bad.id, country: 'XXX', data: [{ category: 'traffic' }, { category: 'traffic', retention_days: 3 }] }).catch((x: unknown) => x);
    assert.ok(e2 instanceof ValidationError);
    assert.deepEqual((e2.issues ?? []).map((i) => i.field).sort(), ['country', 'data.0.retention_days', 'data.1.category']);
    await assert.rejects(saveProviderDraft(rt.db, curator1.ctx, 'Not An Id!', aProvider()), ValidationError);
    assert.equal((await recentRevisionsFor(rt.db, bad.id)).length, 0, 'nothing written');
    for (const [q, field] of [[{ country: 'france' }, 'country'], [{ service: 'fax' }, 'service'], [{ category: 'dna' }, 'category'], [{ page: '0' }, 'page'], [{ q: 'x'.repeat(201) }, 'q']] as const) {
      const err = await searchProviders(rt.db, ANONYMOUS, q).catch((x: unknown) => x);
      assert.ok(err instanceof ValidationError && err.issues?.[0]?.field === field, JSON.stringify(q));
    }
    // A draft in review cannot be edited again.
    const doc = aProvider();
    const r = await saveProviderDraft(rt.db, curator1.ctx, doc.id, doc);
    await transitionProvider(rt.db, curator1.ctx, doc.id, r.id, 'submit');
    await assert.rejects(saveProviderDraft(rt.db, curator1.ctx, doc.id, doc), ConflictError);
  });

  it('seeds demo providers labelled demo, idempotently, and removes them with the demo data only', async () => {
    const real = await publish();
    const first = await seedDemoProviders(rt.db);
    assert.equal(first.written, DEMO_PROVIDERS.length);
    assert.deepEqual(await seedDemoProviders(rt.db), { written: 0, unchanged: DEMO_PROVIDERS.length });
    const demo = await getProvider(rt.db, ANONYMOUS, DEMO_PROVIDERS[0]!.id);
    assert.equal(demo.demo, true);
    assert.equal(demo.doc.demo, true);
    assert.ok((await searchProviders(rt.db, ANONYMOUS, { q: '(demo)' })).total >= DEMO_PROVIDERS.length);
    await removeDemo(rt.db);
    for (const d of DEMO_PROVIDERS) await assert.rejects(getProvider(rt.db, curator1.actor, d.id), NotFoundError);
    assert.equal((await getProvider(rt.db, ANONYMOUS, real.id)).demo, false, 'real providers stay');
  });

  it('lists a State’s legislation tagged "electronic evidence" as its national provisions', async () => {
    const law = aLaw({ country: 'ITA' });
    const tagged = anExtract(law.id, { country: 'ITA', issues: ['electronic-evidence'] });
    const other = anExtract(law.id, { country: 'ITA' });
    await saveRecords(rt.db, [law, tagged, other], { origin: 'import' });
    const p = await nationalProvisions(rt.db, ANONYMOUS, 'ITA');
    assert.deepEqual(p.legislation.items.map((i) => i.id), [tagged.id]);
    assert.equal(p.legislation.total, 1);
    assert.equal((await nationalProvisions(rt.db, ANONYMOUS, 'ESP')).legislation.total, 0);
  });
});
