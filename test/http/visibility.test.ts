/**
 * The rule "published and visible to this reader" (knowledge/domain/visibility.ts, in SQL
 * knowledge/repository/visibility.ts), on every public read path: an anonymous reader never sees an
 * entry without a published language version, nor a language version in draft.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { isVisibleText, visibleDocument } from '../../src/modules/knowledge/domain/visibility.js';
import { aCase, aLaw, anExtract, aTreaty } from '../factories/knowledge.js';

const tag = `vis${Date.now().toString(36)}`;
// Words that appear only in hidden text: no read path may return them.
const HIDDEN_WORD = `${tag}hiddenword`;
const DRAFT_WORD = `${tag}draftword`;
const SHOWN_WORD = `${tag}shownword`;

describe('visibility of knowledge content to an anonymous reader', () => {
  let server: TestServer;
  const treaty = aTreaty({
    id: `${tag}-treaty`,
    kind: 'universal',
    parties: [{ country: 'NZL', consent_kind: 'ratification', consent_on: '2002-01-10' }],
    texts: { en: { title: `Visible convention ${tag}` } },
    provisions: [{ number: '1', titles: { en: 'Scope' } }],
  });
  const hiddenTreaty = aTreaty({
    id: `${tag}-hidden-treaty`,
    kind: 'universal',
    parties: [{ country: 'NZL', consent_kind: 'ratification', consent_on: '2003-01-10' }],
    texts: { en: { title: `Hidden convention ${HIDDEN_WORD}`, status: 'draft' } },
    provisions: [{ number: '1', titles: { en: 'Scope' } }],
  });
  const hidden = aCase({
    id: `${tag}-hidden`,
    country: 'NZL',
    articles: [`${treaty.id}:1`],
    texts: { en: { title: `Hidden case ${HIDDEN_WORD}`, summary: HIDDEN_WORD, status: 'draft' }, fr: { title: `Affaire en revue ${HIDDEN_WORD}`, status: 'in_review' } },
  });
  const partial = aCase({
    id: `${tag}-partial`,
    country: 'NZL',
    articles: [`${treaty.id}:1`],
    texts: { en: { title: `Shown case ${SHOWN_WORD}`, summary: SHOWN_WORD }, fr: { title: `Brouillon ${DRAFT_WORD}`, summary: DRAFT_WORD, status: 'draft' } },
  });
  const law = aLaw({ id: `${tag}-law`, country: 'NZL' });
  const hiddenExtract = anExtract(law.id, { id: `${tag}-hidden-extract`, country: 'NZL', texts: { en: { title: `Hidden extract ${HIDDEN_WORD}`, status: 'archived' } } });

  const text = async (path: string) => {
    const res = await server.get(path);
    return { status: res.status, body: await res.text() };
  };
  const assertHidden = (body: string, path: string) => {
    assert.ok(!body.includes(HIDDEN_WORD), `${path} shows hidden text`);
    assert.ok(!body.includes(DRAFT_WORD), `${path} shows a draft language version`);
    assert.ok(!body.includes(hidden.id), `${path} names the hidden entry`);
  };

  before(async () => {
    server = await startTestServer();
    await saveRecords(server.runtime.db, [treaty, hiddenTreaty, law], { origin: 'import' });
    await saveRecords(server.runtime.db, [hidden, partial, hiddenExtract], { origin: 'import' });
  });
  after(async () => server?.close());

  it('the rule in the domain: drafts, versions in review and archived versions are not visible', () => {
    assert.equal(isVisibleText({ status: 'published' }), true);
    assert.equal(isVisibleText({}), true);
    for (const status of ['draft', 'in_review', 'archived'] as const) assert.equal(isVisibleText({ status }), false);
    assert.equal(visibleDocument(hidden), undefined);
    assert.deepEqual(Object.keys(visibleDocument(partial)!.texts), ['en']);
  });

  it('entry pages and the entry API: 404 for the hidden entry, no draft version of the other', async () => {
    assert.equal((await text(`/api/v1/cases/${hidden.id}`)).status, 404);
    assert.equal((await text(`/en/cases/${hidden.id}`)).status, 404);
    assert.equal((await text(`/api/v1/treaties/${hiddenTreaty.id}`)).status, 404);
    assert.equal((await text(`/en/legislation/${hiddenExtract.id}`)).status, 404);
    const api = await text(`/api/v1/cases/${partial.id}`);
    assert.equal(api.status, 200);
    assert.deepEqual(Object.keys((JSON.parse(api.body) as { texts: object }).texts), ['en']);
    for (const path of [`/api/v1/cases/${partial.id}`, `/fr/cases/${partial.id}`, `/en/cases/${partial.id}`]) assertHidden((await text(path)).body, path);
  });

  it('search (API and page) finds the visible version only', async () => {
    for (const word of [HIDDEN_WORD, DRAFT_WORD]) {
      // As typed, nothing; with the spelling correction, perhaps a visible entry (the words share the tag), never hidden text.
      const res = JSON.parse((await text(`/api/v1/search?q=${word}&verbatim=1`)).body) as { total: number };
      assert.equal(res.total, 0, word);
      const corrected = (await text(`/api/v1/search?q=${word}`)).body;
      assertHidden(corrected.replaceAll(word, ''), `search for ${word}`);
    }
    const shown = JSON.parse((await text(`/api/v1/search?q=${SHOWN_WORD}`)).body) as { total: number; results: { id: string }[] };
    assert.deepEqual(shown.results.map((r) => r.id), [partial.id]);
    for (const path of [`/api/v1/search?country=NZL`, `/en/search?country=NZL`, '/fr/search?country=NZL']) assertHidden((await text(path)).body, path);
  });

  it('lists: home, country page, instrument article, law page, country profile', async () => {
    const treatyTitle = `Visible convention ${tag}`;
    for (const path of ['/en', '/en/countries/NZL', `/en/instruments/${treaty.id}/articles/1`, `/en/laws/${law.id}`, '/api/v1/countries/NZL', '/api/v1/instruments']) {
      const { status, body } = await text(path);
      assert.equal(status, 200, path);
      assertHidden(body, path);
      assert.ok(!body.includes(hiddenTreaty.id) && !body.includes(hiddenExtract.id), `${path} names a hidden treaty or extract`);
    }
    assert.ok((await text('/en/countries/NZL')).body.includes(treatyTitle), 'the visible treaty is listed');
    const instrument = await server.get(`/en/instruments/${hiddenTreaty.id}`);
    const target = instrument.status === 301 ? instrument.headers.get('location')! : `/en/instruments/${hiddenTreaty.id}`;
    assert.equal((await text(target)).status, 404, target);
  });

  it('exports: the JSON Lines and CSV datasets, their counts, Akoma Ntoso', async () => {
    const jsonl = await text('/api/v1/export?type=case&format=jsonl');
    assert.equal(jsonl.status, 200);
    assertHidden(jsonl.body, 'case jsonl');
    const ids = jsonl.body.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    assert.ok(ids.includes(partial.id));
    const list = JSON.parse((await text('/api/v1/export')).body) as { datasets: { type: string; records: number }[] };
    assert.equal(list.datasets.find((d) => d.type === 'case')!.records, ids.length, 'the count is of visible entries');
    for (const path of ['/api/v1/export?type=case&format=csv', '/api/v1/export?type=treaty&format=jsonl', '/api/v1/export?type=legislation&format=jsonl', `/api/v1/laws/${law.id}/akn`]) {
      const res = await text(path);
      assert.equal(res.status, 200, path);
      assertHidden(res.body, path);
      assert.ok(!res.body.includes(hiddenTreaty.id) && !res.body.includes(hiddenExtract.id), path);
    }
  });
});
