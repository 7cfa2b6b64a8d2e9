/** Directory services against the real database: workflow and four eyes, import all-or-nothing, search, lookup, figures. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { anAuthority, SECRET } from '../factories/directory.js';
import { CLI_ACTOR, ANONYMOUS } from '../../src/modules/access/actor.js';
import { ForbiddenError, ValidationError } from '../../src/platform/http/errors.js';
import { authorityHistory, saveAuthorityDraft, setAuthorityArchived, transitionAuthority, workQueue } from '../../src/modules/directory/editing.js';
import { getAuthority, lookupAuthority, searchDirectory } from '../../src/modules/directory/service.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { directoryFigures } from '../../src/modules/directory/figures.js';
import { csvHeader, documentToRow } from '../../src/modules/directory/domain/csv.js';
import { stringify } from 'csv-stringify/sync';

const bytes = (text: string) => async function* () {
  yield Buffer.from(text, 'utf8');
};
const jsonl = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n');

describe('directory services', () => {
  let rt: TestRuntime;
  let fp1: TestUser;
  let fp2: TestUser;
  let fpIta: TestUser;
  let officer: TestUser;
  before(async () => {
    rt = await createTestRuntime();
    fp1 = await aUser(rt.db, [{ role: 'focal_point', country: 'FRA' }], 'FP One');
    fp2 = await aUser(rt.db, [{ role: 'focal_point', country: 'FRA' }], 'FP Two');
    fpIta = await aUser(rt.db, [{ role: 'focal_point', country: 'ITA' }], 'FP Italy');
    officer = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'fra-officer-auth' }], 'Officer');
  });
  after(async () => rt?.close());

  it('publishes only with four eyes; another State’s focal point can do nothing; authority officers edit their own authority', async () => {
    const doc = anAuthority({ id: 'fra-officer-auth' });
    const r1 = await saveAuthorityDraft(rt.db, fp1.ctx, doc.id, doc, 'first');
    await assert.rejects(saveAuthorityDraft(rt.db, fpIta.ctx, doc.id, { ...doc, country: 'ITA' }), ForbiddenError);
    await transitionAuthority(rt.db, fp1.ctx, r1.id, 'submit');
    await assert.rejects(transitionAuthority(rt.db, fp1.ctx, r1.id, 'publish'), ForbiddenError, 'nobody publishes their own change');
    await assert.rejects(transitionAuthority(rt.db, fpIta.ctx, r1.id, 'publish'), ForbiddenError);
    await transitionAuthority(rt.db, fp2.ctx, r1.id, 'publish');
    const live = await getAuthority(rt.db, fp1.actor, doc.id);
    assert.equal(live.doc.verified?.by, 'FP Two');
    // The officer of this authority proposes a change; the officer cannot publish; a focal point can.
    const r2 = await saveAuthorityDraft(rt.db, officer.ctx, doc.id, { ...doc, notes: { en: 'Officer note' } });
    await transitionAuthority(rt.db, officer.ctx, r2.id, 'submit');
    await assert.rejects(transitionAuthority(rt.db, officer.ctx, r2.id, 'publish'), ForbiddenError);
    await transitionAuthority(rt.db, fp1.ctx, r2.id, 'publish');
    assert.equal((await getAuthority(rt.db, ANONYMOUS, doc.id)).doc.notes?.en, 'Officer note');
    await assert.rejects(saveAuthorityDraft(rt.db, fp1.ctx, doc.id, { ...doc, country: 'DEU' }), (e: unknown) => e instanceof ValidationError && e.issues?.some((i) => i.field === 'country') === true);
    await setAuthorityArchived(rt.db, fp1.ctx, doc.id, true, 'Merged into another office');
    assert.equal((await searchDirectory(rt.db, ANONYMOUS, { country: 'FRA' })).items.some((i) => i.doc.id === doc.id), false);
    await setAuthorityArchived(rt.db, fp2.ctx, doc.id, false, '');
    assert.equal((await searchDirectory(rt.db, ANONYMOUS, { country: 'FRA' })).items.some((i) => i.doc.id === doc.id), true);
    const q = await workQueue(rt.db, fp1.actor);
    assert.deepEqual(q.countries, ['FRA']);
  });

  it("lists in the work queue the open drafts of the actor's countries, with names and author; an import for review refuses an authority with one", async () => {
    const fra = anAuthority({ country: 'FRA' });
    const ita = anAuthority({ country: 'ITA' });
    const draft = await saveAuthorityDraft(rt.db, fp1.ctx, fra.id, fra);
    await saveAuthorityDraft(rt.db, fpIta.ctx, ita.id, ita);
    const q = await workQueue(rt.db, fp1.actor);
    const item = q.open.find((r) => r.subject_id === fra.id);
    assert.deepEqual(
      item && { id: item.id, country: item.country, names: item.names, author: item.author_name, state: item.state },
      { id: draft.id, country: 'FRA', names: fra.names, author: 'FP One', state: 'draft' },
    );
    assert.equal(q.open.some((r) => r.subject_id === ita.id), false);
    const qIta = await workQueue(rt.db, fpIta.actor);
    assert.ok(qIta.open.some((r) => r.subject_id === ita.id && r.author_name === 'FP Italy'));
    assert.equal(qIta.open.some((r) => r.subject_id === fra.id), false);
    assert.deepEqual(q.open.map((r) => r.updated_at), [...q.open.map((r) => r.updated_at)].sort((a, b) => +new Date(b) - +new Date(a)), 'newest change first');

    const admin = await aUser(rt.db, [{ role: 'administrator' }], 'Admin');
    await assert.rejects(
      importAuthorities(rt.db, admin.ctx, 'jsonl', bytes(jsonl([{ ...fra, notes: { en: 'Changed' } }]))),
      (e: unknown) => e instanceof ValidationError && e.issues?.some((i) => i.field === 'id' && /change in progress/.test(i.message)) === true,
    );
  });

  it('imports all or nothing, naming the line and field of every problem', async () => {
    const good = anAuthority({ country: 'ESP' });
    const bad1 = { ...anAuthority({ country: 'ESP' }), website: 'not a url' };
    const bad2 = { ...anAuthority({ country: 'ESP' }), hours: { time_zone: 'Nowhere/Else', weekly: [] } };
    await assert.rejects(importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(`${jsonl([good, bad1])}\n{oops\n${JSON.stringify(bad2)}`)), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      const got = e.issues!.map((i) => `${i.line}:${i.field}`);
      assert.deepEqual(got, ['2:website', '3:(json)', '4:hours.time_zone']);
      return true;
    });
    assert.equal((await searchDirectory(rt.db, ANONYMOUS, { country: 'ESP' })).total, 0, 'nothing written');
    const r = await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(jsonl([good])));
    assert.deepEqual([r.mode, r.created, r.unchanged], ['published', 1, 0]);
    const again = await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(jsonl([good])));
    assert.equal(again.unchanged, 1);
    // CSV round trip of the export format.
    const header = csvHeader(['en', 'fr', 'zh', 'ar']);
    const other = anAuthority({ country: 'PRT' });
    const csv = stringify([header, documentToRow(other, header)]);
    const c = await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'csv', bytes(csv));
    assert.equal(c.created, 1);
    const back = await getAuthority(rt.db, fp1.actor, other.id);
    assert.equal(back.doc.contacts?.[0]?.name, SECRET.contact);
    assert.deepEqual(back.doc.requirements, other.requirements);
    // A focal point's import becomes drafts, and only for their State.
    await assert.rejects(importAuthorities(rt.db, fpIta.ctx, 'jsonl', bytes(jsonl([anAuthority({ country: 'FRA' })]))), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'country' && e.issues[0].line === 1);
    const d = await importAuthorities(rt.db, fpIta.ctx, 'jsonl', bytes(jsonl([anAuthority({ country: 'ITA' })])));
    assert.deepEqual([d.mode, d.drafts], ['drafts', 1]);
  });

  it('keeps every change by import as a revision with a readable diff; an administrator’s import waits for a focal point', async () => {
    const doc = anAuthority({ country: 'BEL' });
    // Published before the history began (e.g. an earlier load), then changed by the command line.
    await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(jsonl([doc])));
    await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(jsonl([{ ...doc, website: 'https://justice.example/new' }])));
    const fpBel = await aUser(rt.db, [{ role: 'focal_point', country: 'BEL' }], 'FP Belgium');
    const hist = await authorityHistory(rt.db, fpBel.ctx, doc.id);
    assert.deepEqual(hist.map((h) => h.revision.state), ['published', 'superseded']);
    assert.deepEqual(hist[0]!.changes.map((c) => c.path), ['website'], 'the second import changed the website only');
    assert.ok(hist[1]!.changes.length > 0, 'the first import is its own revision');
    // An administrator's import is submitted for review; the administrator cannot publish it.
    const admin = await aUser(rt.db, [{ role: 'administrator' }], 'Admin');
    const r = await importAuthorities(rt.db, admin.ctx, 'jsonl', bytes(jsonl([{ ...doc, website: 'https://justice.example/admin' }])));
    assert.deepEqual([r.mode, r.submitted], ['review', 1]);
    assert.equal((await getAuthority(rt.db, ANONYMOUS, doc.id)).doc.website, 'https://justice.example/new', 'not published yet');
    const open = (await authorityHistory(rt.db, fpBel.ctx, doc.id))[0]!;
    assert.equal(open.revision.state, 'in_review');
    assert.deepEqual(open.changes.map((c) => c.path), ['website']);
    await assert.rejects(transitionAuthority(rt.db, admin.ctx, open.revision.id, 'publish'), ForbiddenError);
    // A second import while the change is in review is refused for that line, nothing written.
    await assert.rejects(importAuthorities(rt.db, admin.ctx, 'jsonl', bytes(jsonl([{ ...doc, website: 'https://justice.example/other' }]))), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'id');
    await transitionAuthority(rt.db, fpBel.ctx, open.revision.id, 'publish');
    assert.equal((await getAuthority(rt.db, ANONYMOUS, doc.id)).doc.website, 'https://justice.example/admin');
    const refused = await rt.db.selectFrom('audit_events').select(['action', 'outcome']).where('actor_user_id', '=', admin.id).where('outcome', '=', 'refused').execute();
    assert.deepEqual(refused.map((x) => x.action), ['directory.publish'], 'the refused self-publication is audited');
  });

  it('answers the lookup from the authorities of the State', async () => {
    const cyber = anAuthority({ country: 'NLD', functions: [{ code: 'cyber-24-7', articles: ['coe-cybercrime:35'] }], names: { en: 'High Tech Crime Unit' } });
    const central = anAuthority({ country: 'NLD', functions: [{ code: 'mla', articles: ['untoc:18'] }], names: { en: 'International Legal Assistance Centre' } });
    await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(jsonl([cyber, central])));
    const pres = await lookupAuthority(rt.db, ANONYMOUS, { state: 'NLD', request: 'data-preservation' });
    assert.deepEqual(pres.matches.map((m) => m.doc.id), [cyber.id]);
    const ev = await lookupAuthority(rt.db, ANONYMOUS, { state: 'NLD', request: 'stored-data-access' });
    assert.deepEqual(ev.matches.map((m) => m.doc.id), [central.id]);
    const ext = await lookupAuthority(rt.db, ANONYMOUS, { state: 'NLD', request: 'extradition' });
    assert.deepEqual([ext.wanted, ext.found], ['extradition', 'mla']);
  });

  it('seeds demo authorities for every State with demo content, and removes them with the demo corpus', async () => {
    const { seedDemo, removeDemo } = await import('../../src/modules/demo/service.js');
    await seedDemo(rt.db, { size: 'small' });
    const countries = await rt.db.selectFrom('entries').select('country').distinct().where('demo', '=', true).where('country', 'is not', null).execute();
    const demo = await rt.db.selectFrom('authorities').select(['id', 'country', 'demo']).where('demo', '=', true).execute();
    assert.ok(countries.length > 0);
    assert.deepEqual(new Set(demo.map((d) => d.country)), new Set(countries.map((c) => c.country)));
    assert.ok(demo.every((d) => d.id.startsWith('demo-auth-')));
    const page = await searchDirectory(rt.db, ANONYMOUS, { q: 'demo' });
    assert.ok(page.items.every((i) => i.demo));
    await removeDemo(rt.db);
    assert.equal((await rt.db.selectFrom('authorities').select('id').where('demo', '=', true).execute()).length, 0);
    assert.ok((await rt.db.selectFrom('authorities').select('id').execute()).length > 0, 'real authorities kept');
  });

  it('counts authorities and practitioners per year as the data says', async () => {
    const f = await directoryFigures(rt.db);
    const year = new Date().getUTCFullYear();
    const published = await rt.db.selectFrom('authorities').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'published').executeTakeFirstOrThrow();
    assert.equal(f.authorities.find((y) => y.year === year)?.total, Number(published.n));
    await aUser(rt.db, [{ role: 'practitioner' }], 'P1');
    await aUser(rt.db, [{ role: 'practitioner' }], 'P2');
    const g = await directoryFigures(rt.db);
    assert.equal(g.practitioners.find((y) => y.year === year)?.total, 2);
  });
});
