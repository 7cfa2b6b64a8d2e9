/**
 * Two real nodes = two `palermo serve` processes on two databases (PGlite data directories, or two
 * databases on the server of TEST_DATABASE_URL), talking over the loopback through a relay the test
 * controls. The receiver is down for a while: delivery resumes when it is back. The sender is killed
 * (SIGKILL) after the receiver took the message but before the sender recorded the delivery: after
 * its restart the message is delivered, and the receiver holds it once.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { createServerDatabase } from '../helpers/db.js';
import { embeddedTemplate, serverTemplate } from '../helpers/template.js';
import { aCaseworkAuthority, aSupervisor, anOfficer } from '../factories/casework.js';
import { aUser } from '../factories/users.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { createOutgoing } from '../../src/modules/casework/service.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import { nodeDescriptor } from '../../src/modules/exchange/identity-service.js';
import { addPartner, confirmPartner } from '../../src/modules/exchange/trust-service.js';
import { sendRequest } from '../../src/modules/exchange/send-service.js';
import { verifyEvidence } from '../../src/modules/exchange/domain/verify.js';

const root = path.resolve(import.meta.dirname, '../..');
const baseUrl = process.env.TEST_DATABASE_URL;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Node {
  id: string;
  country: string;
  port: number;
  url: string;
  env: Record<string, string>;
  dataDir: string;
  drop?: () => Promise<void>;
  child?: ChildProcess;
  output: string;
  token?: string;
}

async function aNode(id: string, country: string): Promise<Node> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `palermo-${id}-`));
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'info', PALERMO_DEMO: '0', DATABASE_URL: '', EXCHANGE_NODE_ID: id, EXCHANGE_COUNTRY: country, EXCHANGE_AUTHORITY: `${id}-ca`, RATE_LIMIT_PER_MINUTE: '100000' };
  const node: Node = { id, country, port, url, env, dataDir, output: '' };
  if (baseUrl) {
    const created = await createServerDatabase(baseUrl, 2, await serverTemplate(baseUrl, loadConfig({ PALERMO_DEMO: '0' })));
    await created.database.close();
    env.DATABASE_URL = created.url;
    node.drop = created.drop;
  }
  return node;
}

/** Open the node's database in this process (server stopped), run fn, close. */
async function withNode<T>(node: Node, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const config: Config = loadConfig({ ...process.env, ...node.env, LOG_LEVEL: 'silent' });
  let database: Database;
  if (baseUrl) database = await openDatabase({ url: node.env.DATABASE_URL!, poolMax: 2 });
  else {
    const fresh = !fs.existsSync(path.join(node.dataDir, 'pglite'));
    database = await openDatabase({ embedded: node.dataDir, ...(fresh ? { loadDataDir: await embeddedTemplate(loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' })) } : {}) });
  }
  try {
    const rt = await openRuntime(config, createLogger('silent'), { database });
    return await fn(rt);
  } finally {
    await database.close();
  }
}

function start(node: Node): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: root, env: { ...process.env, ...node.env } });
  node.child = child;
  child.stdout!.on('data', (d) => (node.output += d));
  child.stderr!.on('data', (d) => (node.output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${node.id} did not start:\n${node.output.slice(-3000)}`)), 180_000);
    const onData = () => {
      if (node.output.includes('Palermo is serving on')) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${node.id} exited with ${code}:\n${node.output.slice(-3000)}`));
    });
  });
}

function stop(node: Node, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = node.child;
  node.child = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill(signal);
  });
}

/** The relay between the sender and the receiver's inbox; in "crash" mode it kills the sender once the receiver has answered. */
let relayMode: 'pass' | 'crash' = 'pass';
let relayed = 0;
let fra: Node;
let ita: Node;
let relay: http.Server;
let relayUrl: string;

function startRelay(): Promise<void> {
  relay = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', async () => {
      try {
        const answer = await fetch(`${ita.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(parts) });
        const body = await answer.text();
        relayed++;
        if (relayMode === 'crash' && answer.ok) {
          relayMode = 'pass';
          await stop(fra, 'SIGKILL');
          res.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
      } catch {
        res.writeHead(502).end('{"title":"receiver down"}');
      }
    });
  });
  return new Promise((resolve) => relay.listen(0, '127.0.0.1', () => {
    relayUrl = `http://127.0.0.1:${(relay.address() as net.AddressInfo).port}/api/v1/exchange/inbox`;
    resolve();
  }));
}

async function status(caseId: string): Promise<{ id: string; state: string; attempts: number; lastError: string | null; evidence: { id: string; event: string; signer: string }[] }[]> {
  const res = await fetch(`${fra.url}/api/v1/exchange/cases/${caseId}`, { headers: { authorization: `Bearer ${fra.token}` } });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()).messages;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}\nfra:\n${fra.output.slice(-2000)}\nita:\n${ita.output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const cases: { down?: string; crash?: string; crashRef?: string } = {};
let downMessage: string;
let itaDescriptor: unknown;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  await startRelay();
  const fraDescriptor = await withNode(fra, (rt) => nodeDescriptor(rt.db, rt.config));
  itaDescriptor = await withNode(ita, async (rt) => {
    await aCaseworkAuthority(rt.db, { id: 'node-ita-ca', country: 'ITA' });
    const admin = await aUser(rt.db, [{ role: 'administrator' }]);
    const p = await addPartner(rt.db, rt.config, admin.ctx, { descriptor: fraDescriptor });
    await confirmPartner(rt.db, admin.ctx, p.id, p.keys.map((k) => k.fingerprint));
    return nodeDescriptor(rt.db, rt.config);
  });
  await withNode(fra, async (rt) => {
    await aCaseworkAuthority(rt.db, { id: 'node-fra-ca', country: 'FRA' });
    const admin = await aUser(rt.db, [{ role: 'administrator' }]);
    const officer = await anOfficer(rt.db, 'node-fra-ca');
    const supervisor = await aSupervisor(rt.db, 'node-fra-ca');
    // The sender reaches the receiver through the relay.
    const d = itaDescriptor as { endpoints: { inbox: string } };
    const p = await addPartner(rt.db, rt.config, admin.ctx, { descriptor: { ...d, endpoints: { ...d.endpoints, inbox: relayUrl } } });
    await confirmPartner(rt.db, admin.ctx, p.id, p.keys.map((k) => k.fingerprint));
    const approved = async (title: string) => {
      const { id, reference } = await createOutgoing(rt.db, officer.actor, { kind: 'mla', partner_country: 'ITA', title });
      await applyTransition(rt.db, officer.actor, id, { transition: 'submit' });
      await applyTransition(rt.db, supervisor.actor, id, { transition: 'approve' });
      return { id, reference };
    };
    cases.down = (await approved('Sent while the partner is down')).id;
    const crash = await approved('Sent when the sender crashes');
    cases.crash = crash.id;
    cases.crashRef = crash.reference!;
    downMessage = (await sendRequest(rt.db, rt.config, supervisor.ctx, cases.down, p.id)).messageId;
    fra.token = (await createApiToken(rt.db, await accountsEnv(rt.db, rt.config), supervisor.ctx, { name: 'test', scopes: ['exchange.read', 'exchange.send', 'casework.read', 'casework.send'], expires_in_days: '5' })).token;
  });
});

after(async () => {
  await stop(fra ?? ({} as Node));
  await stop(ita ?? ({} as Node));
  relay?.close();
  for (const n of [fra, ita]) {
    if (!n) continue;
    await n.drop?.();
    fs.rmSync(n.dataDir, { recursive: true, force: true });
  }
});

describe('two palermo serve processes', () => {
  it('retries while the receiver is down and delivers once it is back', async () => {
    await start(fra);
    const failing = await until('attempts while down', async () => {
      const m = (await status(cases.down!)).find((x) => x.id === downMessage);
      return m && m.attempts >= 2 ? m : undefined;
    });
    assert.equal(failing.state, 'queued');
    assert.match(failing.lastError ?? '', /HTTP 502|unreachable/);
    await start(ita);
    const delivered = await until('delivery after the receiver is back', async () => {
      const m = (await status(cases.down!)).find((x) => x.id === downMessage);
      return m?.state === 'delivered' ? m : undefined;
    });
    assert.ok(delivered.evidence.some((e) => e.event === 'Delivery' && e.signer === 'node-ita'));
  });

  it('the sender killed mid-delivery delivers after its restart, and the receiver holds the message once', async () => {
    relayMode = 'crash';
    const before = relayed;
    const res = await fetch(`${fra.url}/api/v1/exchange/cases/${cases.crash}/send`, { method: 'POST', headers: { authorization: `Bearer ${fra.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: await partnerIdOfIta() }) });
    assert.equal(res.status, 202, await res.clone().text());
    const { messageId } = await res.json();
    await until('the sender killed by the relay', async () => (fra.child === undefined && relayed > before ? true : undefined));
    await start(fra);
    const delivered = await until('delivery after the restart', async () => {
      const m = (await status(cases.crash!)).find((x) => x.id === messageId);
      return m?.state === 'delivered' ? m : undefined;
    });
    assert.ok(relayed >= before + 2, 'delivered again after the restart');
    // Check the Delivery evidence offline with the receiver's published keys.
    const delivery = delivered.evidence.find((e) => e.event === 'Delivery')!;
    const jws = await (await fetch(`${fra.url}/api/v1/exchange/evidence/${delivery.id}`, { headers: { authorization: `Bearer ${fra.token}` } })).text();
    const published = await (await fetch(`${ita.url}/.well-known/palermo/node.json`)).json();
    const verified = await verifyEvidence(jws, published);
    assert.ok(verified.ok && verified.evidence.message_id === messageId);

    await stop(ita);
    await withNode(ita, async (rt) => {
      assert.equal((await rt.db.selectFrom('exchange_messages').select('id').where('id', '=', messageId).execute()).length, 1);
      const received = await rt.db.selectFrom('casework_cases').select(['id', 'state']).where('partner_reference', '=', cases.crashRef!).execute();
      assert.equal(received.length, 1, 'one case for the message');
      assert.equal(received[0]!.state, 'received');
    });
  });
});

async function partnerIdOfIta(): Promise<string> {
  const res = await fetch(`${fra.url}/api/v1/exchange/destinations`, { headers: { authorization: `Bearer ${fra.token}` } });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()).partners.find((p: { nodeId: string }) => p.nodeId === 'node-ita').id;
}
