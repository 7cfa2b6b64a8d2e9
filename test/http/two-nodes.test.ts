/**
 * Two app nodes, one database, over real HTTP: what is changed through node A is seen through node B
 * (a search result, a taxonomy label, a directory entry), although each node keeps its own caches;
 * a rate limit counts the requests made to both; a sign-in lock-out counts the failures on both;
 * mail queued through either node is delivered once, by one node's job worker, to a real SMTP server.
 *
 * With TEST_DATABASE_URL each node has its own pool of connections to the server database. On PGlite
 * (one session in all) node B has its own database handle over node A's single connection: every
 * cache, index and rate-limit store a node keeps per handle is its own, and only the database is shared.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { openSecondNode } from '../helpers/db.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs, PASSWORD, uniqueEmail } from './accounts-support.js';
import { closeMailTransports, DELIVER_MAIL } from '../../src/modules/accounts/mail.js';
import { anAuthority } from '../factories/directory.js';
import { publishAuthorities } from './directory-support.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';
import type { Action } from '../../src/modules/access/actions.js';
import type { Config } from '../../src/config.js';

const NODE_CONFIG: Partial<Config> = { signinMaxFailures: 3, mailFrom: 'Palermo <no-reply@palermo.test>' };

/** A browser's cookie jar used on either node (the session is in the database). */
function clientOn(node: TestServer, jarOf?: Client): Client {
  const c = new Client(node);
  if (jarOf) for (const [k, v] of jarOf.jar) c.jar.set(k, v);
  return c;
}

describe('two app nodes on one database', () => {
  let a: TestServer;
  let b: TestServer;
  const tokens = {} as Record<'curator' | 'curator2', string>;
  let smtp: SMTPServer;
  /** Recipients of every message the SMTP server accepted, once per delivery. */
  const delivered: string[] = [];

  async function api(node: TestServer, who: keyof typeof tokens | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = who ? { authorization: `Bearer ${tokens[who]}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await node.get(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as any, headers: res.headers };
  }

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, cb) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          delivered.push(...session.envelope.rcptTo.map((r) => r.address));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
    a = await startTestServer({ ...NODE_CONFIG, smtpUrl });
    b = await startTestServer(NODE_CONFIG, await openSecondNode(a.runtime));
    const env = await accountsEnv(a.runtime.db, a.runtime.config);
    const scopes: Action[] = ['knowledge.create', 'knowledge.edit', 'knowledge.review', 'knowledge.publish', 'taxonomy.edit'];
    for (const who of ['curator', 'curator2'] as const) {
      const u = await makeUser(a, { roles: [{ role: 'curator' }], totp: true, name: who });
      const actor = userActor({ userId: u.id, name: who, email: u.email, grants: [{ role: 'curator' }], totpEnabled: true });
      tokens[who] = (await createApiToken(a.runtime.db, env, { actor }, { name: 'two nodes', scopes, expires_in_days: '5' })).token;
    }
  });
  after(async () => {
    await b?.close();
    await a?.close();
    closeMailTransports();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('finds on node B an entry saved and published through node A', async () => {
    const word = 'Quokkaquartz';
    const before = await api(b, null, 'GET', `/api/v1/search?q=${word}`);
    assert.equal(before.json.total, 0, 'node B has searched (its indexes are built) and finds nothing yet');
    const id = 'strategy-two-nodes';
    const meta = await api(a, 'curator', 'PUT', `/api/v1/editor/entry/${id}/parts/*`, { document: { type: 'strategy', country: 'ESP', period_start: 2020, period_end: 2025 } });
    assert.equal(meta.status, 200, JSON.stringify(meta.json));
    const en = await api(a, 'curator', 'PUT', `/api/v1/editor/entry/${id}/parts/en`, { document: { title: `National ${word} strategy`, body: 'Against organized crime.' } });
    assert.equal(en.status, 200, JSON.stringify(en.json));
    for (const r of [meta.json.id, en.json.id]) assert.equal((await api(a, 'curator', 'POST', `/api/v1/editor/entry/${id}/revisions/${r}/transition`, { transition: 'submit' })).status, 200);
    // Publishing the language version publishes the entry (its metadata with it).
    const published = await api(a, 'curator2', 'POST', `/api/v1/editor/entry/${id}/revisions/${en.json.id}/transition`, { transition: 'publish' });
    assert.equal(published.status, 200, JSON.stringify(published.json));

    const found = await api(b, null, 'GET', `/api/v1/search?q=${word}`);
    assert.equal(found.json.total, 1, 'node B finds the entry at once');
    assert.equal(found.json.results[0].id, id);
    assert.equal((await api(b, null, 'GET', `/api/v1/strategies/${id}`)).status, 200);
  });

  it('shows on node B a taxonomy label published through node A', async () => {
    const label = async (node: TestServer) => ((await api(node, null, 'GET', '/api/v1/taxonomies/crime')).json.terms as { code: string; labels: { en: string } }[]).find((t) => t.code === 'corruption')!.labels.en;
    const facetLabel = async (node: TestServer) => ((await api(node, null, 'GET', '/api/v1/search?crime=corruption')).json.facets.crime as { value: string; label: string }[]).find((f) => f.value === 'corruption')!.label;
    assert.equal(await label(b), 'Corruption', 'node B holds the shipped label');
    assert.equal(await facetLabel(b), 'Corruption');
    const labels = { ar: 'الفساد والرشوة', zh: '腐败和贿赂', en: 'Corruption and bribery', fr: 'Corruption et pots-de-vin', es: 'Corrupción y soborno', ru: 'Коррупция и взяточничество' };
    const draft = await api(a, 'curator', 'PUT', '/api/v1/editor/taxonomy_term/crime:corruption/parts/*', { document: { labels } });
    assert.equal(draft.status, 200, JSON.stringify(draft.json));
    assert.equal((await api(a, 'curator', 'POST', `/api/v1/editor/taxonomy_term/crime:corruption/revisions/${draft.json.id}/transition`, { transition: 'submit' })).status, 200);
    assert.equal((await api(a, 'curator2', 'POST', `/api/v1/editor/taxonomy_term/crime:corruption/revisions/${draft.json.id}/transition`, { transition: 'publish' })).status, 200);

    assert.equal(await label(b), 'Corruption and bribery', 'the taxonomy API of node B');
    assert.equal(await facetLabel(b), 'Corruption and bribery', 'the search facets of node B');
    assert.equal(await label(a), 'Corruption and bribery');
  });

  it('shows on node B a directory entry published through node A', async () => {
    await publishAuthorities(a.runtime.db, [anAuthority({ country: 'PRT' })]);
    const count = async (node: TestServer) => (await api(node, null, 'GET', '/api/v1/authorities?country=PRT')).json.total as number;
    assert.equal(await count(b), 1, 'node B has counted the Portuguese authorities (and holds the count)');
    const fp = await makeUser(a, { roles: [{ role: 'focal_point', country: 'PRT' }], totp: true, name: 'Focal Portugal' });
    const fp2 = await makeUser(a, { roles: [{ role: 'focal_point', country: 'PRT' }], totp: true, name: 'Focal Portugal Two' });
    const author = new Client(a);
    const reviewer = new Client(a);
    await signInAs(author, fp);
    await signInAs(reviewer, fp2);
    const id = 'prt-two-nodes-office';
    const form = await author.page('/en/directory/new?langs=en');
    const created = await author.post('/en/directory/new', { _csrf: form.csrf, id, country: 'PRT', langs: 'en', 'names.en': 'Gabinete Quokkaquartz', 'fn.mla': '1', 'fn.mla.articles': 'untoc:18' });
    assert.equal(created.status, 303, await created.text());
    const rev = await a.runtime.db.selectFrom('revisions').select('id').where('subject_id', '=', id).where('state', '=', 'draft').executeTakeFirstOrThrow();
    const page = await author.page(`/en/directory/authorities/${id}`);
    assert.equal((await author.post(`/en/directory/authorities/${id}/transition`, { _csrf: page.csrf, revision: String(rev.id), transition: 'submit' })).status, 303);
    const other = await reviewer.page(`/en/directory/authorities/${id}`);
    assert.equal((await reviewer.post(`/en/directory/authorities/${id}/transition`, { _csrf: other.csrf, revision: String(rev.id), transition: 'publish' })).status, 303);

    assert.equal(await count(b), 2, 'node B counts the new authority at once');
    const shown = await api(b, null, 'GET', `/api/v1/authorities/${id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.json.names.en, 'Gabinete Quokkaquartz');
    const listed = await (await b.get('/en/directory?country=PRT')).text();
    assert.ok(listed.includes('Gabinete Quokkaquartz'), 'the directory page of node B lists it');
  });

  it('counts a rate limit over the requests made to both nodes', async () => {
    // Two more nodes with a low limit, over the same database handles; TRUST_PROXY=1 so that this
    // client has an address of its own (the test's other requests all come from 127.0.0.1).
    const limited = { rateLimitPerMinute: 4, trustProxy: 1 } as const;
    const { createApp } = await import('../../src/server.js');
    const nodes = await Promise.all(
      [a, b].map(async (n) => {
        const app = await createApp({ ...n.runtime, config: { ...n.runtime.config, ...limited } });
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as { port: number };
        return { app, url: `http://127.0.0.1:${port}` };
      }),
    );
    try {
      const client = { 'x-forwarded-for': '198.51.100.23' };
      const statuses: number[] = [];
      const remaining: (string | null)[] = [];
      for (const i of [0, 1, 0, 1, 0, 1]) {
        const res = await fetch(`${nodes[i]!.url}/api/v1/regions`, { headers: client });
        await res.arrayBuffer();
        statuses.push(res.status);
        remaining.push(res.headers.get('x-ratelimit-remaining'));
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429], 'the fifth request, wherever it goes, is over the limit of 4');
      assert.deepEqual(remaining.slice(0, 4), ['3', '2', '1', '0'], 'each node continues the count of the other');
      const other = await fetch(`${nodes[1]!.url}/api/v1/regions`, { headers: { 'x-forwarded-for': '198.51.100.24' } });
      assert.equal(other.status, 200, 'another client has its own count');
      const row = await a.runtime.db.selectFrom('rate_limit_windows').select('hits').where('key', '=', '198.51.100.23').executeTakeFirstOrThrow();
      assert.equal(row.hits, 6);
    } finally {
      for (const n of nodes) await n.app.close();
    }
  });

  it('locks a sign-in out after failures made on both nodes', async () => {
    const user = await makeUser(a, { name: 'Locked Out' });
    const onA = new Client(a);
    const onB = new Client(b);
    for (const c of [onA, onB, onA]) {
      const res = await c.submit('/en/sign-in', '/en/sign-in', { email: user.email, password: 'not the password at all' });
      assert.equal(res.status, 400);
    }
    const locked = await onB.submit('/en/sign-in', '/en/sign-in', { email: user.email, password: PASSWORD });
    assert.equal(locked.status, 429, 'the third failure (on A) locks the account on B as well');
    assert.match(await locked.text(), /Too many attempts/);
  });

  it('keeps a session signed in on node A on node B', async () => {
    const user = await makeUser(a, { name: 'Roaming' });
    const onA = new Client(a);
    await signInAs(onA, user);
    const onB = clientOn(b, onA);
    const account = await onB.get('/en/account');
    assert.equal(account.status, 200);
    assert.ok((await account.text()).includes('Roaming'));
  });

  it('delivers each mail once, and runs each delivery job once, whichever node queued or took it', async () => {
    // Registrations alternate between the nodes; both nodes run job workers on the same queue.
    const addresses: string[] = [];
    for (let i = 0; i < 8; i++) {
      const node = i % 2 ? b : a;
      const email = uniqueEmail(`twonodes${i}`);
      addresses.push(email);
      const res = await new Client(node).submit('/en/register', '/en/register', { name: `Node ${i}`, email, password: PASSWORD, password_confirm: PASSWORD });
      assert.equal(res.status, 200);
    }
    const outbox = () => a.runtime.db.selectFrom('outbox').select(['id', 'to_address', 'status', 'attempts']).where('to_address', 'in', addresses).execute();
    let rows = await outbox();
    for (let tries = 0; tries < 600 && !(rows.length === addresses.length && rows.every((r) => r.status === 'sent')); tries++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await outbox();
    }
    assert.equal(rows.length, addresses.length, 'one outbox row per registration');
    assert.ok(rows.every((r) => r.status === 'sent'), JSON.stringify(rows));
    // The job of each mail: one per outbox row, completed, on its first attempt.
    const jobs = await sql<{ outbox_id: string; state: string; retry_count: number }>`
      SELECT data->>'outboxId' AS outbox_id, state::text AS state, retry_count FROM pgboss.job
      WHERE name = ${DELIVER_MAIL} AND data->>'outboxId' IN (${sql.join(rows.map((r) => String(r.id)))})`.execute(a.runtime.db);
    assert.deepEqual(jobs.rows.map((j) => j.outbox_id).sort(), rows.map((r) => String(r.id)).sort(), 'one delivery job per mail');
    assert.ok(jobs.rows.every((j) => j.state === 'completed' && j.retry_count === 0), JSON.stringify(jobs.rows));
    // And the SMTP server received each mail exactly once.
    for (const email of addresses) assert.equal(delivered.filter((to) => to === email).length, 1, `mails to ${email}`);
  });
});
