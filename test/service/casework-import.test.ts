/**
 * Casework import and export on the real database: a JSONL and a CSV file are imported all or
 * nothing, every problem names its line and field, references stay as given and move the counters,
 * and an export re-imports into another authority with the same content.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { ForbiddenError } from '../../src/platform/http/errors.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { importCases, importCasesAs } from '../../src/modules/casework/import/service.js';
import { exportRecords, exportText } from '../../src/modules/casework/export/service.js';
import { recordContent, type CaseRecord } from '../../src/modules/casework/domain/record.js';
import { verifyChain, type StoredEvent } from '../../src/modules/casework/domain/history.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { sampleRecord } from '../factories/casework-records.js';

const bytes = (text: string) =>
  (async function* () {
    yield Buffer.from(text, 'utf8');
  })();

async function directoryAuthority(rt: TestRuntime, country = 'FRA'): Promise<string> {
  const doc = anAuthority({ country });
  await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', () => bytes(JSON.stringify(doc)));
  return doc.id;
}

const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('casework import and export', () => {
  let rt: TestRuntime;
  let authA: string;
  let authB: string;
  let supervisorA: TestUser;
  let officerA: TestUser;
  before(async () => {
    rt = await createTestRuntime();
    authA = await directoryAuthority(rt);
    authB = await directoryAuthority(rt);
    supervisorA = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: authA }], 'Supervisor A');
    officerA = await aUser(rt.db, [{ role: 'authority_officer', authority_id: authA }], 'Officer A');
  });
  after(async () => rt?.close());

  const countCases = (authority: string) => withCaseScope(rt.db, [authority], async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM casework_cases`.execute(trx)).rows[0]!.n);

  it('imports a JSONL file: rows, events with the content hash, counters past the imported numbers', async () => {
    const report = await importCases(rt.db, bytes(jsonl([sampleRecord(7), sampleRecord(41, { direction: 'outgoing', reference: 'MLO/2023/00009', state: 'sent', executions: undefined, dates: { sent_on: '2023-05-01' } })])), { authorityId: authA, format: 'jsonl', actor: supervisorA.actor });
    assert.deepEqual(report.errors, []);
    assert.equal(report.written, true);
    assert.equal(report.cases, 2);
    assert.equal(await countCases(authA), 2);
    assert.deepEqual(
      report.counters.map((c) => `${c.direction}:${c.year}:${c.number}`).sort(),
      ['incoming:2024:7', 'outgoing:2023:9'],
    );
    await withCaseScope(rt.db, [authA], async (trx) => {
      const c = await trx.selectFrom('casework_cases').select(['id', 'history_seq', 'history_head', 'executing_authority_ids']).where('reference', '=', 'MLI/2024/00007').executeTakeFirstOrThrow();
      const events = await trx.selectFrom('case_events').selectAll().where('case_id', '=', c.id).orderBy('seq').execute();
      assert.deepEqual(events.map((e) => e.type), ['imported', 'execution_forwarded', 'execution_forwarded']);
      assert.match(String(events[0]!.data.content_hash), /^[0-9a-f]{64}$/);
      const counter = await trx.selectFrom('case_reference_counters').select('last_number').where('authority_id', '=', authA).where('direction', '=', 'incoming').where('year', '=', 2024).executeTakeFirstOrThrow();
      assert.equal(counter.last_number, 7);
    });
  });

  it('refuses a file with errors, naming line and field, and writes nothing (a bad last line too)', async () => {
    const before = await countCases(authA);
    const lines = [sampleRecord(100), sampleRecord(101), sampleRecord(102, { kind: 'teleport' }), sampleRecord(103, { reference: 'MLI/2024/00100' }), sampleRecord(104, { reference: 'MLI/2024/00007' }), sampleRecord(105, { measures: ['nope'] })];
    const report = await importCases(rt.db, bytes(`${jsonl(lines)}{oops\n`), { authorityId: authA, format: 'jsonl', actor: supervisorA.actor });
    assert.equal(report.written, false);
    const got = report.errors.map((e) => `${e.line}:${e.field}`);
    assert.deepEqual(got, ['3:kind', '4:reference', '6:measures.0', '7:(json)', '5:reference']);
    assert.match(report.errors.find((e) => e.line === 4)!.message, /line 1/);
    assert.equal(await countCases(authA), before);
    // Only the last line is bad: still nothing is written.
    const last = await importCases(rt.db, bytes(jsonl([sampleRecord(200), sampleRecord(201), { ...sampleRecord(202), state: 'draft' }])), { authorityId: authA, format: 'jsonl', actor: supervisorA.actor });
    assert.equal(last.written, false);
    assert.deepEqual(last.errors.map((e) => `${e.line}:${e.field}`), ['3:state']);
    assert.equal(await countCases(authA), before);
  });

  it('a dry run checks everything and writes nothing', async () => {
    const before = await countCases(authA);
    const report = await importCases(rt.db, bytes(jsonl([sampleRecord(300)])), { authorityId: authA, format: 'jsonl', dryRun: true, actor: supervisorA.actor });
    assert.equal(report.cases, 1);
    assert.equal(report.written, false);
    assert.deepEqual(report.errors, []);
    assert.equal(await countCases(authA), before);
  });

  it('imports CSV with persons and tracks as numbered columns; errors name the column', async () => {
    const header = 'reference,direction,kind,state,partner_country,title,measures,received_on,person1_role,person1_family_name,person1_nationalities,execution1_name,execution1_state,execution1_forwarded_on,legal_bases';
    const ok = `MLI/2025/00003,incoming,extradition,assessment,DEU,"Extradition of A., fraud",,2025-01-10,accused,Müller,DEU|AUT,,,,untoc:untoc:16`;
    const bad = `MLI/2025/00004,incoming,mla,forwarded,DEU,Evidence,taking-evidence|magic,2025-01-11,witness,,,Court,executed,2025-01-12,`;
    const bad2 = `"MLI/2025/00005",incoming,mla,forwarded,DEU,"Evidence,
over two lines",taking-evidence|magic,2025-01-11,,,,,,,`;
    const refused = await importCases(rt.db, bytes([header, ok, bad, bad2].join('\r\n')), { authorityId: authA, format: 'csv', actor: supervisorA.actor });
    assert.deepEqual(refused.errors.map((e) => `${e.line}:${e.field}`), ['3:person1_family_name', '4:measures']);
    const good = await importCases(rt.db, bytes([header, ok].join('\n')), { authorityId: authA, format: 'csv', actor: supervisorA.actor });
    assert.deepEqual(good.errors, []);
    assert.equal(good.written, true);
    const records = [];
    for await (const r of exportRecords(rt.db, { authorityId: authA, actor: supervisorA.actor })) if (r.reference === 'MLI/2025/00003') records.push(r);
    assert.equal(records[0]?.persons?.[0]?.family_name, 'Müller');
    assert.deepEqual(records[0]?.persons?.[0]?.nationalities, ['DEU', 'AUT']);
    assert.deepEqual(records[0]?.legal_bases, [{ basis: 'untoc', instrument_id: 'untoc', article: '16' }]);
  });

  it('imports deadlines and identity documents from CSV; a deadline of a track that is not there is named by its column', async () => {
    const header = 'reference,direction,kind,state,partner_country,title,received_on,person1_role,person1_family_name,person1_documents,execution1_name,execution1_state,execution1_forwarded_on,deadline1_kind,deadline1_label,deadline1_due_on,deadline2_kind,deadline2_label,deadline2_due_on,deadline2_met_on,deadline2_execution';
    const ok = 'MLI/2025/00031,incoming,provisional_arrest,forwarded,DEU,Arrest of B.,2025-02-01,suspect,Schmidt,passport:C01X00T47:DEU|id_card:L01X00T4,Parquet,in_execution,2025-02-03,statutory,End of provisional arrest,2025-04-02,custom,Hearing report,2025-02-20,2025-02-18,1';
    const bad = 'MLI/2025/00032,incoming,mla,forwarded,DEU,Evidence,2025-02-01,,,,,,,custom,Report,2025-02-20,custom,Other report,2025-02-21,,2';
    const refused = await importCases(rt.db, bytes([header, ok, bad].join('\n')), { authorityId: authA, format: 'csv', actor: supervisorA.actor });
    assert.deepEqual(refused.errors.map((e) => `${e.line}:${e.field}`), ['3:deadline2_execution']);
    const good = await importCases(rt.db, bytes([header, ok].join('\n')), { authorityId: authA, format: 'csv', actor: supervisorA.actor });
    assert.deepEqual(good.errors, []);
    const records: CaseRecord[] = [];
    for await (const r of exportRecords(rt.db, { authorityId: authA, actor: supervisorA.actor })) if (r.reference === 'MLI/2025/00031') records.push(r);
    assert.deepEqual(records[0]?.persons?.[0]?.identity_documents, [{ type: 'passport', number: 'C01X00T47', country: 'DEU' }, { type: 'id_card', number: 'L01X00T4' }]);
    assert.deepEqual(
      records[0]?.deadlines?.map((d) => [d.kind, d.label, d.due_on, d.met_on, d.execution]).sort(),
      [
        ['custom', 'Hearing report', '2025-02-20', '2025-02-18', 0],
        ['statutory', 'End of provisional arrest', '2025-04-02', undefined, undefined],
      ],
    );
  });

  it('only a supervisor of the authority may import through the service', async () => {
    await assert.rejects(importCasesAs(rt.db, officerA.actor, bytes(jsonl([sampleRecord(400)])), { authorityId: authA, format: 'jsonl' }), ForbiddenError);
    await assert.rejects(importCasesAs(rt.db, supervisorA.actor, bytes(jsonl([sampleRecord(400)])), { authorityId: authB, format: 'jsonl' }), ForbiddenError);
  });

  it('export → import into another authority reproduces the content; the history verifies; the export is logged', async () => {
    let text = '';
    for await (const chunk of exportText(rt.db, { authorityId: authA, format: 'jsonl', actor: supervisorA.actor })) text += chunk;
    const exported = text.trim().split('\n').map((l) => JSON.parse(l) as CaseRecord);
    assert.equal(exported.length, await countCases(authA));
    for (const r of exported) {
      const events: StoredEvent[] = r.history!.map((e, i) => ({ id: i + 1, caseId: r.id!, seq: e.seq, at: e.at, actorId: e.actor_id ?? null, actingAuthorityId: e.acting_authority_id ?? null, type: e.type, data: e.data, prevHash: e.prev_hash, hash: e.hash }));
      assert.equal(verifyChain(events).ok, true, 'an export verifies elsewhere');
    }
    const logged = await withCaseScope(rt.db, [authA], async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_access_log WHERE action = 'export'`.execute(trx)).rows[0]!.n);
    assert.ok(logged >= exported.length);
    const report = await importCases(rt.db, bytes(text), { authorityId: authB, format: 'jsonl', actor: CLI_ACTOR });
    assert.deepEqual(report.errors, []);
    const again: CaseRecord[] = [];
    for await (const r of exportRecords(rt.db, { authorityId: authB, actor: CLI_ACTOR })) again.push(r);
    const content = (list: CaseRecord[]) => list.map((r) => JSON.stringify(recordContent(r))).sort();
    assert.deepEqual(content(again), content(exported));
    // CSV export re-imports too (without history).
    let csv = '';
    for await (const chunk of exportText(rt.db, { authorityId: authB, format: 'csv', actor: CLI_ACTOR })) csv += chunk;
    const authC = await directoryAuthority(rt);
    const viaCsv = await importCases(rt.db, bytes(csv), { authorityId: authC, format: 'csv', actor: CLI_ACTOR });
    assert.deepEqual(viaCsv.errors, []);
    assert.equal(viaCsv.cases, exported.length);
  });
});
