import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { parseRecord } from '../../src/modules/knowledge/domain/parse.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { aCase } from '../factories/knowledge.js';
import { HOSTILE, seedPortal, type PortalFixture } from './portal-fixture.js';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('entity API', () => {
  let server: TestServer;
  let f: PortalFixture;
  const json = async (path: string) => {
    const res = await server.get(path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    server = await startTestServer();
    f = await seedPortal(server.runtime.db);
  });
  after(async () => server?.close());

  it('returns each kind of entry as its canonical document plus the page path', async () => {
    for (const [segment, doc] of [
      ['legislation', f.extract1],
      ['cases', f.hostileCase],
      ['treaties', f.instrument],
      ['strategies', f.strategy],
    ] as const) {
      const { status, type, body } = await json(`/api/v1/${segment}/${doc.id}`);
      assert.equal(status, 200, segment);
      assert.match(type, /^application\/json/);
      assert.equal(body.id, doc.id);
      assert.equal(body.type, doc.type);
      assert.equal(body.url, `/en/${segment}/${doc.id}`);
      const { url: _url, ...record } = body;
      const parsed = parseRecord(record);
      assert.equal(parsed.ok, true, `${segment} is a valid record: ${JSON.stringify(parsed)}`);
    }
    const { body } = await json(`/api/v1/cases/${f.hostileCase.id}`);
    const en = (body.texts as Record<string, { title: string }>).en!;
    assert.ok(en.title.endsWith(HOSTILE), 'JSON carries the text as it is (escaping is the reader’s job)');
    assert.deepEqual(body.cooperating_states, ['COL', 'ESP']);
    assert.deepEqual(body.articles, [`${f.instrument.id}:18`]);
    const treaty = (await json(`/api/v1/treaties/${f.instrument.id}`)).body as { provisions: unknown[]; parties: { country: string }[] };
    assert.equal(treaty.provisions.length, 4);
    assert.deepEqual(treaty.parties.map((p) => p.country).sort(), ['CHN', 'COL', 'EGY', 'FRA', 'ITA']);
  });

  it('returns only published language versions', async () => {
    const doc = aCase({ texts: { en: { title: 'Published' }, fr: { title: 'Brouillon', status: 'draft' } } });
    await saveRecords(server.runtime.db, [doc], { origin: 'import' });
    const { body } = await json(`/api/v1/cases/${doc.id}`);
    assert.deepEqual(Object.keys(body.texts as object), ['en']);
    const draft = await json(`/api/v1/legislation/${f.unpublished.id}`);
    assert.equal(draft.status, 404, 'an entry without a published version is not found');
  });

  it('returns a law with the ids of its published extracts in order and its file', async () => {
    const { status, body } = await json(`/api/v1/laws/${f.law.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body.extracts, [f.extract1.id, f.extract2.id]);
    assert.equal(body.url, `/en/laws/${f.law.id}`);
    const a = body.attachment as { id: string; filename: string; media_type: string; byte_size: number };
    assert.match(a.id, /^[0-9a-f]{64}$/);
    assert.equal(a.filename, 'code pénal é.pdf');
    assert.equal(a.media_type, 'application/pdf');
    assert.equal(a.byte_size, Buffer.from(f.law.attachment!.content_base64!, 'base64').length);
    const { url: _u, extracts: _e, ...record } = body;
    assert.equal(parseRecord(record).ok, true);
  });

  it('answers 404 problem+json for unknown ids and ids of another type, naming where it is', async () => {
    for (const path of ['/api/v1/cases/no-such', '/api/v1/laws/no-such', `/api/v1/legislation/${f.hostileCase.id}`, `/api/v1/cases/${f.law.id}`]) {
      const { status, type, body } = await json(path);
      assert.equal(status, 404, path);
      assert.match(type, /^application\/problem\+json/);
      assert.equal((body as unknown as Problem).type, '/problems/not-found');
    }
    const wrong = (await json(`/api/v1/legislation/${f.hostileCase.id}`)).body as unknown as Problem;
    assert.ok(wrong.detail.includes(`/api/v1/cases/${f.hostileCase.id}`), wrong.detail);
  });

  it('answers 400 naming "id" for malformed ids, and never fails on any id', async () => {
    for (const bad of ['UPPER', '-leading', 'a'.repeat(129), 'with%20space', '%3Cscript%3E']) {
      const { status, body } = await json(`/api/v1/cases/${bad}`);
      assert.equal(status, 400, bad);
      const p = body as unknown as Problem;
      assert.equal(p.errors?.[0]?.field, 'id');
    }
    const valid = /^[a-z0-9][a-z0-9._-]{0,127}$/;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 1, maxLength: 140 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })).filter((s) => s !== '.' && s !== '..'),
        fc.constantFrom('legislation', 'cases', 'treaties', 'strategies', 'laws'),
        async (id, segment) => {
          const res = await server.get(`/api/v1/${segment}/${encodeURIComponent(id)}`);
          await res.text();
          assert.equal(res.status, valid.test(id) ? 404 : 400, `${segment}/${JSON.stringify(id)}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('documents the routes in the OpenAPI description', async () => {
    const doc = (await json('/api/openapi.json')).body as { paths: Record<string, { get?: { tags?: string[]; summary?: string; description?: string; responses?: Record<string, unknown>; parameters?: { name: string }[] } }> };
    for (const path of ['/api/v1/legislation/{id}', '/api/v1/cases/{id}', '/api/v1/treaties/{id}', '/api/v1/strategies/{id}', '/api/v1/laws/{id}']) {
      const op = doc.paths[path]?.get;
      assert.ok(op, path);
      assert.deepEqual(op.tags, ['knowledge']);
      assert.ok(op.summary && op.description);
      assert.deepEqual(Object.keys(op.responses ?? {}).sort(), ['200', '400', '404', '4XX', '5XX'], 'its own errors, and the ranges every operation declares (openapi.ts)');
      assert.equal(op.parameters?.[0]?.name, 'id');
    }
  });
});
