/** fast-check fuzzing of the registration and sign-in forms: never a 5xx, never an unescaped echo, nothing written on refusal. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, PASSWORD, makeUser } from './accounts-support.js';

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' OR 1=1 --", 'a@b.c', '\u0000', 'x'.repeat(5000), 'ﷺ‮evil', '😀@example.org'),
);

async function userCount(server: TestServer): Promise<number> {
  const r = await server.runtime.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('accounts form fuzzing', () => {
  let server: TestServer;
  let client: Client;
  let csrf: string;
  before(async () => {
    server = await startTestServer({ signinMaxFailures: 10_000 });
    client = new Client(server);
    csrf = (await client.page('/en/register')).csrf;
  });
  after(async () => server?.close());

  it('registration: any input gives 200, 400, 422 or 429, escaped, and no account unless valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: text, email: fc.oneof(text, fc.emailAddress()), password: fc.oneof(text, fc.constant(PASSWORD)), password_confirm: text, lang: fc.oneof(fc.constantFrom('en', 'ar', 'zh'), text) }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), text, { maxKeys: 3 }),
        async (form, extra) => {
          const before = await userCount(server);
          const res = await client.post('/en/register', { ...extra, ...form, _csrf: csrf });
          const html = await res.text();
          assert.ok([200, 400, 422, 429].includes(res.status), `status ${res.status}`);
          for (const v of Object.values(form)) if (v.includes('alert(')) assert.ok(!html.includes(v), 'input echoed unescaped');
          if (res.status !== 200) assert.equal(await userCount(server), before, 'nothing written on refusal');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('sign-in: any input gives 400 or 429, never a session', async () => {
    await makeUser(server);
    await fc.assert(
      fc.asyncProperty(fc.record({ email: fc.oneof(text, fc.emailAddress()), password: text }), async (form) => {
        const res = await client.post('/en/sign-in', { ...form, _csrf: csrf });
        await res.text();
        assert.ok([400, 429].includes(res.status), `status ${res.status}`);
        assert.equal(client.sessionCookie(), undefined);
      }),
      { numRuns: 80 },
    );
  });

  it('second-factor, reset and verify forms reject arbitrary tokens and codes cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (token, code) => {
        for (const [path, form] of [
          ['/en/account/verify', { token }],
          ['/en/account/reset', { token, password: code, password_confirm: code }],
          ['/en/sign-in/second-factor', { code }],
        ] as const) {
          const res = await client.post(path, { ...form, _csrf: csrf });
          await res.text();
          assert.ok([303, 400, 422].includes(res.status), `${path} status ${res.status}`);
        }
      }),
      { numRuns: 40 },
    );
  });
});
