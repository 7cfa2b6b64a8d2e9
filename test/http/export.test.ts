import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, anExtract } from '../factories/knowledge.js';
import { aCorpus } from '../factories/bulk.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../../src/modules/knowledge/domain/schemas.js';

describe('export API', () => {
  let server: TestServer;
  let corpus: KnowledgeRecord[];
  const draft = aCase({ texts: { en: { title: 'Secret draft case', status: 'draft' } } });
  const mixed = aCase({ texts: { en: { title: 'Published case' }, fr: { title: 'Brouillon français', status: 'draft' } } });
  const manyLaw = aLaw();
  const many = Array.from({ length: 1203 }, (_, i) => anExtract(manyLaw.id, { id: `many-${String(i).padStart(5, '0')}`, position: i }));

  before(async () => {
    server = await startTestServer();
    const db = server.runtime.db;
    await ensureTestReference(db);
    corpus = aCorpus();
    await saveRecords(db, corpus.filter((r) => r.type === 'treaty'), { origin: 'import' });
    await saveRecords(db, [...corpus.filter((r) => r.type !== 'treaty'), draft, mixed, manyLaw, ...many], { origin: 'import' });
  });
  after(async () => server?.close());

  it('lists the datasets with their counts and download URLs', async () => {
    const res = await server.get('/api/v1/export');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as { published_only: boolean; datasets: { type: string; records: number; demo_records?: number; files: Record<string, string> }[]; akn: { laws: number; url_template: string } };
    assert.equal(body.published_only, true);
    const cases = body.datasets.find((d) => d.type === 'case')!;
    assert.equal(cases.records, 3, 'two corpus cases and the mixed one; not the draft');
    assert.equal(cases.demo_records, 1);
    assert.equal(cases.files.jsonl, `${server.runtime.config.publicUrl}/api/v1/export?type=case&format=jsonl`);
    assert.equal(body.datasets.find((d) => d.type === 'legislation')?.records, 3 + many.length);
    assert.deepEqual(Object.keys(body.datasets.find((d) => d.type === 'treaty-party')!.files), ['csv']);
    assert.equal(body.akn.laws, 3);
    assert.match(body.akn.url_template, /\/api\/v1\/laws\/\{id\}\/akn$/);
  });

  it('streams a whole dataset as JSON Lines with a file name, published versions only', async () => {
    const res = await server.get('/api/v1/export?type=case&format=jsonl');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="palermo-cases.jsonl"');
    assert.equal(res.headers.get('content-length'), null, 'streamed (chunked), not buffered');
    const text = await res.text();
    const docs = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; texts: Record<string, { status?: string }>; demo?: boolean });
    assert.equal(docs.length, 3);
    assert.ok(!docs.some((d) => d.id === draft.id));
    assert.deepEqual(Object.keys(docs.find((d) => d.id === mixed.id)!.texts), ['en']);
    assert.ok(docs.every((d) => Object.values(d.texts).every((t) => t.status === 'published')));
    assert.equal(docs.filter((d) => d.demo).length, 1);
    assert.doesNotMatch(text, /Secret draft case|Brouillon français/);
  });

  it('streams more records than one batch, in id order, and as CSV', async () => {
    const res = await server.get('/api/v1/export?type=legislation', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    const ids = (await res.text()).trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    assert.equal(ids.length, 3 + many.length);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(many.every((m) => ids.includes(m.id)));

    const csv = await server.get('/api/v1/export?type=legislation&format=csv');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="palermo-legislation.csv"');
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 3 + many.length);
    assert.ok(rows[0] && 'title_ar' in rows[0] && 'title_zh' in rows[0] && 'body_fr' in rows[0] && 'demo' in rows[0]);
  });

  it('exports treaty parties as their own CSV dataset', async () => {
    const res = await server.get('/api/v1/export?type=treaty-party');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="palermo-treaty-parties.csv"');
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => r.country).sort(), ['FRA', 'ITA', 'ZAF']);
    assert.equal(rows.find((r) => r.country === 'ITA')?.declarations, 'Line one\nLine "two", with comma');
  });

  it('answers unknown datasets and formats with a problem naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/export?type=users', 'type'],
      ['/api/v1/export?type=case&format=xml', 'format'],
      ['/api/v1/export?type=treaty-party&format=jsonl', 'format'],
      ['/api/v1/export?format=csv', 'type'],
    ] as const) {
      const res = await server.get(url);
      assert.equal(res.status, 400, url);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = (await res.json()) as { errors?: { field: string }[] };
      assert.ok(body.errors?.some((e) => e.field === field), `${url}: ${JSON.stringify(body)}`);
    }
  });

  it('serves a law as Akoma Ntoso, and a problem for an unknown law', async () => {
    const law = corpus.find((r) => r.type === 'law')!;
    const res = await server.get(`/api/v1/laws/${law.id}/akn`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/akn\+xml/);
    const xml = await res.text();
    assert.match(xml, /<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0"/);
    assert.match(xml, /<FRBRcountry value="fr"\/>/);
    assert.match(xml, /<num>Art\. 694<\/num>/);

    const missing = await server.get('/api/v1/laws/no-such-law/akn');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await server.get('/api/v1/laws/BAD%20ID/akn')).status, 400);
  });

  it('documents the export routes in the OpenAPI description', async () => {
    const spec = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, { get?: { tags?: string[]; summary?: string } }> };
    assert.deepEqual(spec.paths['/api/v1/export']?.get?.tags, ['export']);
    assert.ok(spec.paths['/api/v1/laws/{id}/akn']?.get?.summary);
  });
});
