/**
 * fast-check fuzzing of the exchange inbox, layer by layer: any body; JOSE-shaped garbage; genuine
 * encryption of anything; a trusted partner's genuine signature over any content. Always a 4xx (or
 * 200 for a valid message), never a 5xx, and nothing written on refusal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { aCaseworkAuthority } from '../factories/casework.js';
import { aUser } from '../factories/users.js';
import { addPartner, confirmPartner } from '../../src/modules/exchange/trust-service.js';
import { encryptTo, MESSAGE_TYPE, signJws } from '../../src/modules/exchange/domain/crypto.js';
import { DESCRIPTOR_VERSION, fingerprint } from '../../src/modules/exchange/domain/descriptor.js';
import { MESSAGE_VERSION } from '../../src/modules/exchange/domain/message.js';
import { ANSWER_KINDS } from '../../src/modules/exchange/domain/kinds.js';
import type { PublicJwk } from '../../src/modules/exchange/tables.js';

let server: TestServer;
let enc: PublicJwk & { kid: string };
let partnerKey: { kid: string; privateJwk: JWK };

const RUNS = { numRuns: 60 };
const post = (body: string, type = 'application/json') => server.app.inject({ method: 'POST', url: '/api/v1/exchange/inbox', headers: { 'content-type': type }, payload: body });
const count = async () => Number((await server.runtime.db.selectFrom('exchange_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), maxLength: 60 });

before(async () => {
  server = await startTestServer({ exchangeNodeId: 'node-fuzz', exchangeCountry: 'FRA', exchangeAuthorityId: 'fuzz-ca' });
  server.runtime.config.publicUrl = server.url;
  await aCaseworkAuthority(server.runtime.db, { id: 'fuzz-ca', country: 'FRA' });
  const d = await (await fetch(`${server.url}/.well-known/palermo/node.json`)).json();
  enc = d.jwks.keys.find((k: { use: string }) => k.use === 'enc');
  // A partner whose descriptor is pasted; its keys are ours, so the fuzzer can sign as the partner.
  const sig = await generateKeyPair('Ed25519', { extractable: true });
  const encPair = await generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519', extractable: true });
  const pub = async (k: CryptoKey) => {
    const j = (await exportJWK(k)) as PublicJwk;
    return { kty: j.kty, crv: j.crv, x: j.x };
  };
  const sigPub = await pub(sig.publicKey);
  const encPub = await pub(encPair.publicKey);
  partnerKey = { kid: await fingerprint(sigPub), privateJwk: await exportJWK(sig.privateKey) };
  const admin = await aUser(server.runtime.db, [{ role: 'administrator' }]);
  const descriptor = {
    version: DESCRIPTOR_VERSION,
    id: 'node-partner',
    name: 'Partner',
    country: 'ITA',
    endpoints: { inbox: 'http://127.0.0.1:9/api/v1/exchange/inbox', descriptor: 'http://127.0.0.1:9/.well-known/palermo/node.json' },
    jwks: { keys: [{ ...sigPub, kid: partnerKey.kid, use: 'sig', alg: 'EdDSA' }, { ...encPub, kid: await fingerprint(encPub), use: 'enc', alg: 'ECDH-ES+A256KW' }] },
  };
  const added = await addPartner(server.runtime.db, server.runtime.config, admin.ctx, { descriptor: JSON.stringify(descriptor) });
  await confirmPartner(server.runtime.db, admin.ctx, added.id, added.keys.map((k) => k.fingerprint));
});
after(async () => server?.close());

function expect4xx(status: number, what: unknown) {
  assert.ok(status >= 400 && status < 500, `status ${status} for ${JSON.stringify(what).slice(0, 300)}`);
}

describe('exchange inbox fuzzing', () => {
  it('any body: 4xx', async () => {
    const before = await count();
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonValue.map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }), fc.record({ message: fc.oneof(jsonValue, fc.string()) }).map((v) => JSON.stringify(v))), async (body) => {
        const res = await post(body);
        expect4xx(res.statusCode, body);
      }),
      RUNS,
    );
    assert.equal(await count(), before);
  });

  it('JOSE-shaped garbage and headers naming unknown keys: 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(b64url, { minLength: 1, maxLength: 6 }), jsonValue, async (parts, header) => {
        const withHeader = [Buffer.from(JSON.stringify(header)).toString('base64url'), ...parts.slice(1)].join('.');
        for (const m of [parts.join('.'), withHeader]) expect4xx((await post(JSON.stringify({ message: m }))).statusCode, m);
      }),
      RUNS,
    );
  });

  it('genuinely encrypted to this node, any plaintext: 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.array(b64url, { minLength: 3, maxLength: 3 }).map((p) => p.join('.'))), async (plaintext) => {
        expect4xx((await post(JSON.stringify({ message: await encryptTo(plaintext, enc) }))).statusCode, plaintext);
      }),
      RUNS,
    );
  });

  it('signed by a trusted partner, any content: 4xx unless it is a valid message, nothing half-written', async () => {
    const content = fc.oneof(
      jsonValue,
      fc.record(
        {
          v: fc.oneof(fc.constant(MESSAGE_VERSION), fc.string()),
          id: fc.oneof(fc.uuid(), fc.string()),
          kind: fc.constantFrom('request', 'acknowledgement', 'result', 'other'),
          from: fc.constantFrom('node-partner', 'node-x'),
          to: fc.constantFrom('node-fuzz', 'node-x'),
          sent_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
          in_reply_to: fc.oneof(fc.uuid(), fc.string()),
          // Lengths around the limits of the casework columns (title 300, reference 120).
          case: fc.oneof(jsonValue, fc.record({ reference: fc.oneof(fc.string(), fc.string({ minLength: 110, maxLength: 130 }), fc.constant(null)), kind: fc.string({ maxLength: 20 }), title: fc.oneof(fc.string({ maxLength: 50 }), fc.string({ minLength: 290, maxLength: 320 })), summary: fc.string() })),
          text: fc.oneof(fc.string(), jsonValue),
          documents: fc.oneof(jsonValue, fc.array(fc.record({ filename: fc.string(), media_type: fc.string(), title: fc.string(), sha256: fc.string(), data: fc.oneof(fc.string(), fc.base64String()) }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(content, async (c) => {
        const before = await count();
        const res = await post(JSON.stringify({ message: await encryptTo(await signJws(c, partnerKey, MESSAGE_TYPE), enc) }));
        assert.ok(res.statusCode === 200 || (res.statusCode >= 400 && res.statusCode < 500), `status ${res.statusCode}: ${res.body.slice(0, 300)} for ${JSON.stringify(c).slice(0, 300)}`);
        assert.equal(await count(), before + (res.statusCode === 200 && !res.json().duplicate ? 1 : 0));
      }),
      RUNS,
    );
  });

  it('answers about a real case, any kind and fields (grounds, until, text): 200 or 4xx, the case history still verifies', async () => {
    const request = { v: MESSAGE_VERSION, id: crypto.randomUUID(), kind: 'request', from: 'node-partner', to: 'node-fuzz', sent_at: new Date().toISOString(), case: { reference: 'ITA/FUZZ/1', kind: 'mla', title: 'Fuzzed case', summary: '' }, documents: [] };
    const first = await post(JSON.stringify({ message: await encryptTo(await signJws(request, partnerKey, MESSAGE_TYPE), enc) }));
    assert.equal(first.statusCode, 200, first.body);
    const answer = fc.record(
      {
        v: fc.constant(MESSAGE_VERSION),
        id: fc.uuid(),
        kind: fc.oneof(fc.constantFrom(...ANSWER_KINDS), fc.string({ maxLength: 30 })),
        from: fc.constant('node-partner'),
        to: fc.constant('node-fuzz'),
        sent_at: fc.constant(new Date().toISOString()),
        in_reply_to: fc.oneof(fc.constant(request.id), fc.uuid()),
        text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ minLength: 4990, maxLength: 5010 }), jsonValue),
        grounds: fc.oneof(fc.array(fc.oneof(fc.constantFrom('other', 'dual_criminality', 'bank_secrecy_not_a_ground'), fc.string({ maxLength: 70 })), { maxLength: 22 }), jsonValue),
        until: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 }), jsonValue),
        documents: fc.constant([]),
      },
      { requiredKeys: ['v', 'id', 'kind', 'from', 'to', 'sent_at', 'in_reply_to', 'documents'] },
    );
    await fc.assert(
      fc.asyncProperty(answer, async (c) => {
        const res = await post(JSON.stringify({ message: await encryptTo(await signJws(c, partnerKey, MESSAGE_TYPE), enc) }));
        assert.ok(res.statusCode === 200 || (res.statusCode >= 400 && res.statusCode < 500), `status ${res.statusCode}: ${res.body.slice(0, 300)} for ${JSON.stringify(c).slice(0, 300)}`);
      }),
      RUNS,
    );
    const caseId = (await server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', request.id).executeTakeFirstOrThrow()).case_id!;
    const events = await server.runtime.db.selectFrom('case_events').select(['type']).where('case_id', '=', caseId).execute();
    assert.ok(events.length >= 2);
  });
});
