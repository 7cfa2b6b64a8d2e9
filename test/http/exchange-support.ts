/**
 * Two Palermo nodes for exchange tests: each a real HTTP server over its own database, with an
 * authority, its staff and an administrator, trusting each other through their descriptors.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { aCaseworkAuthority, aSupervisor, anOfficer } from '../factories/casework.js';
import { aUser, type TestUser } from '../factories/users.js';
import { createOutgoing } from '../../src/modules/casework/service.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import { uploadDocument } from '../../src/modules/casework/documents-service.js';
import { spoolDirOf } from '../../src/modules/casework/documents-spool.js';
import { addPartner, confirmPartner } from '../../src/modules/exchange/trust-service.js';
import { caseExchange, type MessageStatusView } from '../../src/modules/exchange/evidence-service.js';

export interface TestNode {
  server: TestServer;
  nodeId: string;
  authorityId: string;
  officer: TestUser;
  supervisor: TestUser;
  admin: TestUser;
  /** The partner's id in this node's table, once trusted. */
  partnerIds: Record<string, string>;
}

export async function aNode(nodeId: string, country: string): Promise<TestNode> {
  const authorityId = `${nodeId}-ca`;
  const server = await startTestServer({ exchangeNodeId: nodeId, exchangeNodeName: `Central authority ${country}`, exchangeCountry: country, exchangeAuthorityId: authorityId });
  // The port is known only now: the descriptor names the endpoints under PUBLIC_URL.
  server.runtime.config.publicUrl = server.url;
  const db = server.runtime.db;
  await aCaseworkAuthority(db, { id: authorityId, country });
  return {
    server,
    nodeId,
    authorityId,
    officer: await anOfficer(db, authorityId, `Officer ${country}`),
    supervisor: await aSupervisor(db, authorityId, `Supervisor ${country}`),
    admin: await aUser(db, [{ role: 'administrator' }], `Admin ${country}`),
    partnerIds: {},
  };
}

/** `a` trusts `b`: added by its descriptor URL, every fingerprint confirmed. */
export async function trust(a: TestNode, b: TestNode): Promise<void> {
  const added = await addPartner(a.server.runtime.db, a.server.runtime.config, a.admin.ctx, { url: `${b.server.url}/.well-known/palermo/node.json` });
  const confirmed = await confirmPartner(a.server.runtime.db, a.admin.ctx, added.id, added.keys.map((k) => k.fingerprint));
  if (confirmed.state !== 'confirmed') throw new Error('partner not confirmed');
  a.partnerIds[b.nodeId] = added.id;
}

export function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${text}\n${'x'.repeat(2000)}\n%%EOF\n`);
}

/** An outgoing request of `node` with one document, approved (officer writes, supervisor approves). */
export async function anApprovedRequest(node: TestNode, partnerCountry: string, document = pdf('request')): Promise<string> {
  const db = node.server.runtime.db;
  const { id } = await createOutgoing(db, node.officer.actor, { kind: 'mla', partner_country: partnerCountry, title: 'Bank records of a shell company', summary: 'Laundering through shell companies.', measures: ['taking-evidence'], crime_types: ['money-laundering'] });
  await uploadDocument(db, node.officer.actor, id, { kind: 'request', title: 'Letter of request', filename: 'request.pdf', stream: Readable.from([document]) }, { maxBytes: Math.max(10_000_000, document.length + 1), spoolDir: spoolDirOf(node.server.runtime.config.dataDir) });
  await applyTransition(db, node.officer.actor, id, { transition: 'submit' });
  await applyTransition(db, node.supervisor.actor, id, { transition: 'approve' });
  return id;
}

/** Wait (polling, generous bound) until the message reaches the state on the node. */
export async function untilMessage(node: TestNode, caseId: string, messageId: string, state: string, timeoutMs = 60_000): Promise<MessageStatusView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = (await caseExchange(node.server.runtime.db, node.supervisor.actor, caseId)).find((x) => x.id === messageId);
    if (m?.state === state) return m;
    if (Date.now() > end) throw new Error(`message ${messageId} still ${m?.state ?? 'absent'} (last error: ${m?.lastError})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The node's published descriptor (the keys `palermo exchange verify` checks against). */
export const descriptorOf = async (n: TestNode) => (await fetch(`${n.server.url}/.well-known/palermo/node.json`, { headers: { connection: 'close' } })).text();

/**
 * `palermo exchange verify` (the CLI, a separate process) on a piece of evidence, with the signer's descriptor.
 * Read the descriptors first: the CLI runs synchronously and holds this process (and its servers) meanwhile.
 */
export function verifyWithCli(jws: string, keys: string): { status: number | null; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-evidence-'));
  try {
    fs.writeFileSync(path.join(dir, 'e.jws'), jws);
    fs.writeFileSync(path.join(dir, 'k.json'), keys);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'exchange', 'verify', path.join(dir, 'e.jws'), '--keys', path.join(dir, 'k.json')], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    return { status: r.status, stdout: r.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
