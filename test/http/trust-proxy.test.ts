/**
 * TRUST_PROXY over real HTTP: behind one proxy (TRUST_PROXY=1) the client is the address the proxy
 * appended to X-Forwarded-For, never an entry the client wrote itself — for the rate-limit key, the
 * sign-in lock-out and the audit address; with a list, only the listed proxies are skipped; off,
 * the header is ignored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createApp } from '../../src/server.js';
import type { Config } from '../../src/config.js';
import { Client, makeUser } from './accounts-support.js';

const SPOOFED = '6.6.6.6';
const ADDED = '1.2.3.4';
const FORWARDED = { 'x-forwarded-for': `${SPOOFED}, ${ADDED}` };

describe('TRUST_PROXY', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ trustProxy: 1 });
  });
  after(async () => server?.close());

  const db = () => server.runtime.db;
  const rateKeys = async () => (await db().selectFrom('rate_limit_windows').select('key').execute()).map((r) => r.key);

  it('with 1 hop, counts requests against the address the proxy added', async () => {
    const res = await server.get('/api/v1/regions', { headers: FORWARDED });
    assert.equal(res.status, 200);
    const keys = await rateKeys();
    assert.ok(keys.includes(ADDED), `rate-limit keys: ${keys.join(', ')}`);
    assert.ok(!keys.includes(SPOOFED), 'never the client-written entry');
  });

  it('with 1 hop, locks out and audits the address the proxy added', async () => {
    const user = await makeUser(server, { name: 'Behind a proxy' });
    const c = new Client(server);
    const { csrf } = await c.page('/en/sign-in');
    const res = await c.post('/en/sign-in', { _csrf: csrf, email: user.email, password: 'not the right password' }, FORWARDED);
    assert.equal(res.status, 400);
    const throttle = (await db().selectFrom('auth_throttle').select('key').where('key', 'like', 'signin:ip:%').execute()).map((r) => r.key);
    assert.deepEqual(throttle, [`signin:ip:${ADDED}`]);
    const audit = await db().selectFrom('audit_events').select('actor_ip').where('action', '=', 'auth.sign_in').where('actor_label', '=', user.email).executeTakeFirstOrThrow();
    assert.equal(audit.actor_ip, ADDED);
  });

  /** The same node with another TRUST_PROXY (same database handle), for one request. */
  async function requestWith(trustProxy: Config['trustProxy'], forwardedFor: string): Promise<void> {
    const app = await createApp({ ...server.runtime, config: { ...server.runtime.config, trustProxy } });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/regions', headers: { 'x-forwarded-for': forwardedFor }, remoteAddress: '127.0.0.1' });
      assert.equal(res.statusCode, 200);
    } finally {
      await app.close();
    }
  }
  const hits = async (key: string) => (await db().selectFrom('rate_limit_windows').select('hits').where('key', '=', key).executeTakeFirst())?.hits ?? 0;

  it('with a list of proxies, skips only those (wherever they appear in the chain)', async () => {
    await requestWith(['127.0.0.1/32', '10.0.0.0/8'], `${SPOOFED}, 203.0.113.9`);
    assert.equal(await hits('203.0.113.9'), 1);
    await requestWith(['127.0.0.1/32', '10.0.0.0/8'], '192.0.2.77, 10.1.2.3, 127.0.0.1');
    assert.equal(await hits('192.0.2.77'), 1);
    assert.equal(await hits(SPOOFED), 0);
  });

  it('off (0), ignores X-Forwarded-For', async () => {
    const before = { local: await hits('127.0.0.1'), spoofed: await hits(SPOOFED), added: await hits(ADDED) };
    await requestWith(false, `${SPOOFED}, ${ADDED}`);
    assert.equal(await hits('127.0.0.1'), before.local + 1);
    assert.equal(await hits(SPOOFED), before.spoofed);
    assert.equal(await hits(ADDED), before.added);
  });
});
