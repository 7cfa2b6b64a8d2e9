/**
 * Search that speaks the practitioners' language: thesaurus expansion (abbreviations, synonyms, in
 * the six languages, phrases both ways), curators' changes seen by a second node at once, audited
 * and refused to others; "did you mean" and the automatic correction of a query that finds nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, openSecondNode, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aStrategy } from '../factories/knowledge.js';
import { aUser } from '../factories/users.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { addThesaurusGroup, editThesaurusGroup, listThesaurus, removeThesaurusGroup } from '../../src/modules/search/thesaurus.js';
import { parseSearchParams, type RawQuery } from '../../src/modules/search/domain/params.js';
import { ForbiddenError, ValidationError } from '../../src/platform/http/errors.js';

async function run(rt: TestRuntime, raw: RawQuery) {
  const p = parseSearchParams({ per_page: '100', ...raw });
  assert.ok(p.ok);
  return search(rt.db, p.value);
}
/** The ids of this file's entries found (the test reference holds treaties too). */
const ids = async (rt: TestRuntime, raw: RawQuery) => (await run(rt, raw)).results.map((r) => r.id).filter((id) => id.startsWith('t-')).sort();

const text = (title: string, summary: string) => ({ title, summary });

describe('search thesaurus and did you mean', () => {
  let rt: TestRuntime;
  let node2: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    node2 = await openSecondNode(rt);
    await ensureTestReference(rt.db);
    await saveRecords(
      rt.db,
      [
        aCase({ id: 't-mla', texts: { en: text('Request for mutual legal assistance refused', 'The court reviewed the request from Spain.') } }),
        aCase({ id: 't-abbr', texts: { en: text('Execution of an MLA request', 'Bank records were produced.') } }),
        aCase({ id: 't-evidence', texts: { en: text('Electronic evidence held abroad', 'A provider disclosed subscriber data.') } }),
        aCase({ id: 't-extradition', texts: { en: text('Extradition of a national', 'Extradition was granted for drug trafficking.') } }),
        aCase({ id: 't-ru', original_lang: 'ru', texts: { ru: text('Выдача гражданина', 'Суд разрешил выдачу.') } }),
        aCase({ id: 't-zh', original_lang: 'zh', texts: { zh: text('移交逃犯案', '法院准许移交逃犯。') } }),
        aCase({ id: 't-ar', original_lang: 'ar', texts: { ar: text('المساعدة القضائية المتبادلة في قضية مخدرات', 'طلب من إسبانيا.') } }),
        aStrategy({ id: 't-other', texts: { en: text('National strategy', 'Prevention and awareness.') } }),
      ],
      { origin: 'import' },
    );
  });
  after(async () => {
    await node2?.close();
    await rt?.close();
  });

  it('expands an abbreviation to its phrases and a phrase to its abbreviation', async () => {
    assert.deepEqual(await ids(rt, { q: 'MLA' }), ['t-abbr', 't-mla']);
    assert.deepEqual(await ids(rt, { q: '"mutual legal assistance"' }), ['t-abbr', 't-mla']);
    assert.deepEqual(await ids(rt, { q: 'e-evidence' }), ['t-evidence']);
    const out = await run(rt, { q: 'mla' });
    assert.ok(out.expanded.includes('mutual legal assistance'), out.expanded.join(', '));
    // The equivalents are highlighted too.
    const hit = out.results.find((r) => r.id === 't-mla')!;
    assert.ok(hit.snippet_html.includes('<mark>') || hit.title.includes('mutual'), hit.snippet_html);
  });

  it('expands in Russian, Chinese and Arabic', async () => {
    assert.deepEqual(await ids(rt, { q: 'экстрадиция', hl: 'ru' }), ['t-ru']);
    assert.deepEqual(await ids(rt, { q: '引渡', hl: 'zh' }), ['t-zh']);
    assert.deepEqual(await ids(rt, { q: 'المساعدة القانونية المتبادلة', hl: 'ar' }).then((x) => x.includes('t-ar')), true);
  });

  it('keeps exclusions exclusive of the equivalents', async () => {
    assert.deepEqual(await ids(rt, { q: 'request -MLA' }), []);
  });

  it('lets curators add, edit and remove groups, seen by another node at once, audited; refuses others', async () => {
    const curator = await aUser(rt.db, [{ role: 'curator' }]);
    const practitioner = await aUser(rt.db, [{ role: 'practitioner' }]);
    assert.deepEqual(await ids(node2, { q: 'awareness-raising' }), []);
    await assert.rejects(addThesaurusGroup(rt.db, practitioner.ctx, { lang: 'en', terms: 'awareness-raising\nawareness' }), ForbiddenError);
    await assert.rejects(addThesaurusGroup(rt.db, curator.ctx, { lang: 'xx', terms: 'one' }), (e: unknown) => e instanceof ValidationError && e.issues?.map((i) => i.field).join() === 'lang,terms');
    const id = await addThesaurusGroup(rt.db, curator.ctx, { lang: 'en', terms: 'awareness-raising\r\nawareness\n\n', note: 'Campaigns' });
    assert.deepEqual(await ids(node2, { q: 'awareness-raising' }), ['t-other'], 'the second node expands at once');
    await editThesaurusGroup(rt.db, curator.ctx, id, { lang: 'en', terms: ['awareness-raising', 'outreach'] });
    assert.deepEqual(await ids(node2, { q: 'awareness-raising' }), []);
    assert.equal((await listThesaurus(rt.db, curator.actor)).find((g) => g.id === id)?.terms.join('|'), 'awareness-raising|outreach');
    await removeThesaurusGroup(rt.db, curator.ctx, id);
    assert.equal((await listThesaurus(node2.db, curator.actor)).some((g) => g.id === id), false);
    const audit = await rt.db.selectFrom('audit_events').select(['action', 'target_id']).where('target_type', '=', 'thesaurus_group').where('target_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['thesaurus.add', 'thesaurus.edit', 'thesaurus.remove']);
  });

  it('corrects a misspelt query that finds nothing, and suggests when it finds little', async () => {
    const out = await run(rt, { q: 'extradtion' });
    assert.equal(out.corrected_from, 'extradtion');
    assert.equal(out.q, 'extradition');
    assert.ok(out.results.some((r) => r.id === 't-extradition'));
    const few = await run(rt, { q: 'extradition OR provder' });
    assert.equal(few.corrected_from, undefined);
    assert.equal(few.suggestion?.q, 'extradition OR provider');
    const known = await run(rt, { q: 'extradition' });
    assert.equal(known.suggestion, undefined);
    assert.equal((await run(rt, { q: 'zzzqqq' })).suggestion, undefined);
    // Cyrillic and Arabic words have trigrams too (PGlite and PostgreSQL alike).
    const ru = await run(rt, { q: 'гражданена', hl: 'ru' });
    assert.equal(ru.corrected_from ? ru.q : ru.suggestion?.q, 'гражданина');
    const ar = await run(rt, { q: 'مخدرت', hl: 'ar' });
    assert.equal(ar.corrected_from ? ar.q : ar.suggestion?.q, 'مخدرات');
  });
});
