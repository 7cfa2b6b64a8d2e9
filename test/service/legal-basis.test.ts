import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureFullTestReference } from '../factories/reference.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { ValidationError } from '../../src/platform/http/errors.js';
import { CASE_KINDS } from '../../src/modules/casework/index.js';
import { getEntry, saveTreatyParties } from '../../src/modules/knowledge/index.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { findLegalBasis, LEGAL_BASIS_KINDS, statusSources } from '../../src/modules/legalbasis/index.js';
import { importShippedStatus, importTreatyStatus, SHIPPED_STATUS, StatusImportError } from '../../src/modules/legalbasis/import-service.js';
import { seedDemo } from '../../src/modules/demo/service.js';

const bytes = (text: string) =>
  async function* () {
    yield new TextEncoder().encode(text);
  };

/** A directory holding the shipped files, with one of them replaced. */
function copyWith(file: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-status-'));
  for (const f of fs.readdirSync(SHIPPED_STATUS.dir)) if (f.endsWith('.csv')) fs.copyFileSync(path.join(SHIPPED_STATUS.dir, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

async function partiesOf(rt: TestRuntime, id: string) {
  const doc = await getEntry(rt.db, id, { publishedOnly: false });
  assert.ok(doc?.type === 'treaty');
  return doc.parties ?? [];
}

describe('treaty status import and the legal basis finder', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureFullTestReference(rt.db);
  });
  after(async () => rt?.close());

  it('uses the kinds of request of casework', () => {
    assert.deepEqual([...LEGAL_BASIS_KINDS], CASE_KINDS.filter((k) => k !== 'other'));
  });

  it('refuses bad files all or nothing, naming file, line and field', async () => {
    await saveTreatyParties(rt.db, 'untoc', [{ country: 'FRA', consent_kind: 'ratification', consent_on: '2001-01-01', demo: true }]);
    const dir = copyWith('18-12-a.csv', 'Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"\nFrance,12 Dec 2000,29 Oct 2002 AA\nAtlantis,12 Dec 2000,\nItaly,12 Dec 2000,32 Aug 2006\n');
    await assert.rejects(importTreatyStatus(rt.db, dir, { asOf: '2014', source: 'test' }), (e: unknown) => {
      assert.ok(e instanceof StatusImportError);
      assert.deepEqual(
        e.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.field}`),
        ['18-12-a.csv:3:Participant', '18-12-a.csv:4:Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)'],
      );
      assert.match(e.problems[0]!.message, /Atlantis/);
      return true;
    });
    // Nothing written: the demo party is still there, no source recorded.
    assert.deepEqual(
      (await partiesOf(rt, 'untoc')).map((p) => [p.country, p.demo]),
      [['FRA', true]],
    );
    assert.equal((await statusSources(rt.db)).size, 0);
    await assert.rejects(importTreatyStatus(rt.db, copyWith('18-99.csv', 'x'), { asOf: '2014', source: 'test' }), /unknown depositary number/);
    await assert.rejects(importTreatyStatus(rt.db, SHIPPED_STATUS.dir, { asOf: 'last year', source: 'test' }), (e: unknown) => e instanceof StatusImportError && e.problems[0]!.field === 'as-of');
  });

  it('imports the shipped status: real parties replace demo ones, source and date stored, re-import changes nothing', async () => {
    const report = await importShippedStatus(rt.db);
    assert.deepEqual(
      report.instruments.map((i) => [i.instrument, i.parties, i.skipped]),
      [
        ['untoc', 184, ['European Union']],
        ['untoc-tip', 166, ['European Union']],
        ['untoc-som', 151, ['European Union']],
        ['untoc-firearms', 122, ['European Union']],
        ['uncac', 177, ['European Union']],
      ],
    );
    const untoc = await partiesOf(rt, 'untoc');
    assert.equal(untoc.length, 184);
    assert.ok(untoc.every((p) => !p.demo));
    assert.deepEqual(
      untoc.find((p) => p.country === 'FRA'),
      { country: 'FRA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2002-10-29', entry_into_force_on: '2003-09-29' },
    );
    // Art. 38(2): the thirtieth day after a deposit made after the Convention entered into force.
    assert.equal(untoc.find((p) => p.country === 'AFG')!.entry_into_force_on, '2003-10-24');
    // A succession (Montenegro): the date of the succession of States is not in the table.
    const mne = untoc.find((p) => p.country === 'MNE')!;
    assert.equal(mne.consent_kind, 'succession');
    assert.equal(mne.entry_into_force_on, undefined);
    assert.ok(untoc.every((p) => !p.entry_into_force_on || p.entry_into_force_on >= '2003-09-29'));
    assert.equal(untoc.find((p) => p.country === 'AFG')!.consent_kind, 'ratification');
    const sources = await statusSources(rt.db);
    assert.equal(sources.get('uncac')!.as_of, '2014');
    assert.equal(sources.get('uncac')!.depositary_number, '18-14');
    const again = await importShippedStatus(rt.db);
    assert.ok(again.instruments.every((i) => i.unchanged));
  });

  it('finds the legal basis on the real status and the directory entry', async () => {
    await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', bytes(JSON.stringify(anAuthority({ id: 'lb-col-ca', country: 'COL', untoc_extradition_basis: { value: 'no' } }))));
    const mla = await findLegalBasis(rt.db, { from: 'fra', to: 'COL', kind: 'mla' });
    assert.deepEqual(mla.binding.slice(0, 2).map((i) => i.id), ['untoc', 'uncac']);
    assert.equal(mla.binding[0]!.from!.consent_on, '2002-10-29');
    assert.equal(mla.binding[0]!.as_of, '2014');
    assert.equal(mla.steps[0]!.code, 'untoc_18_paras_9_29');
    assert.deepEqual(mla.as_of, ['2014']);
    assert.equal(mla.directory.authorities[0]!.id, 'lb-col-ca');
    assert.deepEqual(mla.directory.authorities[0]!.languages, ['fr', 'en']);
    const ext = await findLegalBasis(rt.db, { from: 'FRA', to: 'COL', kind: 'extradition' });
    assert.deepEqual(ext.steps[0], { code: 'untoc_extradition_basis', accepted: 'no' });
  });

  it('a demo seed afterwards leaves the imported instruments alone', async () => {
    await seedDemo(rt.db, { size: 'small' });
    for (const id of ['untoc', 'uncac', 'untoc-tip']) assert.ok((await partiesOf(rt, id)).every((p) => !p.demo), id);
  });

  it('400 naming from, to and kind', async () => {
    const fields = async (q: Record<string, unknown>) => {
      try {
        await findLegalBasis(rt.db, q);
        return [];
      } catch (e) {
        assert.ok(e instanceof ValidationError);
        return e.issues!.map((i) => i.field);
      }
    };
    assert.deepEqual(await fields({ from: 'XXX', to: 'FRA', kind: 'mla' }), ['from']);
    assert.deepEqual(await fields({ from: 'FRA', to: 'FRA', kind: 'mla' }), ['to']);
    assert.deepEqual(await fields({ from: 'FRA', to: 'COL', kind: 'rendition' }), ['kind']);
    assert.deepEqual(await fields({}), ['from', 'to', 'kind']);
    assert.deepEqual(await fields({ from: 'FRA', to: 'COL', kind: 'mla', on: '2003-02-30' }), ['on']);
    assert.deepEqual(await fields({ from: 'FRA', to: 'COL', kind: 'mla', on: 20030101 }), ['on']);
  });

  it('tells, for a given day, whether each instrument is in force for each State', async () => {
    // UNTOC: France from 29 Sep 2003 (its own entry into force), Colombia from 3 Sep 2004 (ratified 4 Aug 2004).
    const early = await findLegalBasis(rt.db, { from: 'FRA', to: 'COL', kind: 'mla', on: '2003-10-01' });
    const untoc = early.binding.find((i) => i.id === 'untoc')!;
    assert.equal(early.on, '2003-10-01');
    assert.equal(untoc.from!.entry_into_force_on, '2003-09-29');
    assert.equal(untoc.from!.in_force, 'in_force');
    assert.equal(untoc.to!.entry_into_force_on, '2004-09-03');
    assert.equal(untoc.to!.in_force, 'not_yet_in_force');
    assert.deepEqual(early.steps[0], { code: 'not_yet_in_force', instrument: 'untoc', state: 'COL', from_on: '2004-09-03' });
    const later = await findLegalBasis(rt.db, { from: 'FRA', to: 'COL', kind: 'mla', on: '2014-12-31' });
    assert.ok(later.steps.every((s) => s.code !== 'not_yet_in_force'));
    assert.equal(later.binding.find((i) => i.id === 'untoc')!.to!.in_force, 'in_force');
    const today = await findLegalBasis(rt.db, { from: 'FRA', to: 'COL', kind: 'mla' });
    assert.equal(today.on, new Date().toISOString().slice(0, 10));
  });
});
