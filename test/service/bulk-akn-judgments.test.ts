/** Akoma Ntoso <judgment> documents imported as case law: three Court of Appeal judgments (resources/akn/judgments-uk, see its SOURCE.txt). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { tempDir, writeFile } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';
import { loadEntryDocuments } from '../../src/modules/knowledge/service.js';
import type { CaseDocument } from '../../src/modules/knowledge/domain/schemas.js';
import { ValidationError } from '../../src/platform/http/errors.js';
import { textBlocks } from '../../src/modules/portal/components/numbered-text.js';

const UK = path.resolve(import.meta.dirname, '../../resources/akn/judgments-uk');
const ZA = path.resolve(import.meta.dirname, '../../resources/akn/za-act-1996-constitution.akn.xml');
const file = (name: string) => path.join(UK, `tna-ewca-civ-2020-${name}.xml`);
const AKN3 = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

describe('Akoma Ntoso judgments as case law', () => {
  let rt: TestRuntime;
  const tmp = tempDir();
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
  });
  after(async () => {
    await rt?.close();
    tmp.remove();
  });
  const load = async (id: string) => ((await loadEntryDocuments(rt.db, [id], { publishedOnly: true })) as CaseDocument[])[0];

  it('imports every UK judgment, each as one case', async () => {
    const files = fs.readdirSync(UK).filter((f) => f.endsWith('.xml'));
    assert.equal(files.length, 3);
    for (const f of files) {
      const report = await importFile(rt.db, path.join(UK, f));
      assert.equal(report.outcome, 'succeeded', `${f}: ${JSON.stringify(report.issues)}`);
      assert.deepEqual([report.format, report.records, report.created], ['akn', 1, 1], f);
    }
  });

  it('reads court, neutral citation, case number, date, parties, judges, text and source of [2020] EWCA Civ 1018', async () => {
    const c = await load('ewca-civ-2020-1018');
    assert.ok(c);
    assert.equal(c.country, 'GBR', 'FRBRcountry GB-UKM');
    assert.equal(c.original_lang, 'en');
    assert.equal(c.court, 'The Court of Appeal of England and Wales (Civil Division)', 'the FRBRauthor organisation');
    assert.equal(c.neutral_citation, '[2020] EWCA Civ 1018', 'the first <neutralCitation>, not the one of the decision appealed');
    assert.equal(c.case_number, 'A3/2020/0647');
    assert.equal(c.decision_date, '2020-07-31');
    assert.equal(c.texts.en?.title, 'HAMDI AKIN IPEK v KOZA ALTIN ISLETMELERI AS');
    assert.deepEqual(c.parties, [
      { name: 'HAMDI AKIN IPEK', role: 'Appellant' },
      { name: 'KOZA ALTIN ISLETMELERI AS', role: 'Respondent' },
    ]);
    assert.deepEqual(c.judges, ['LORD JUSTICE MOYLAN', 'LADY JUSTICE ASPLIN', 'LORD JUSTICE POPPLEWELL']);
    assert.deepEqual(c.sources, [{ title: 'The National Archives: [2020] EWCA Civ 1018', url: 'https://www.nationalarchives.gov.uk/' }]);
    const blocks = textBlocks(c.texts.en?.body ?? '');
    const numbered = blocks.filter((b) => b.anchor);
    assert.equal(numbered[0]?.anchor, 'para-1');
    assert.match(numbered[0]!.text, /^This is an appeal from the grant of an injunction/);
    assert.deepEqual(
      numbered.map((b) => b.num),
      numbered.map((_, i) => `${i + 1}.`),
      'paragraphs 1, 2, 3… in order, each its own block',
    );
    assert.ok(numbered.length > 100, `${numbered.length} numbered paragraphs`);
    assert.ok(blocks.some((b) => b.text === 'Background'), 'headings between paragraphs are kept');
  });

  it('reads [2020] EWCA Civ 611, whose header is empty: citation, case number and judges from its text, parties from its name', async () => {
    const c = await load('ewca-civ-2020-611');
    assert.ok(c);
    assert.equal(c.neutral_citation, '[2020] EWCA Civ 611');
    assert.equal(c.case_number, 'A2/2019/1158');
    assert.equal(c.decision_date, '2020-05-15');
    assert.deepEqual(c.parties, [{ name: 'ZXC' }, { name: 'Bloomberg LP' }]);
    assert.deepEqual(c.judges, ['LORD JUSTICE UNDERHILL', 'LORD JUSTICE BEAN', 'LORD JUSTICE SIMON']);
    const body = c.texts.en?.body ?? '';
    assert.match(body, /Letter of Request/);
    const numbered = textBlocks(body).filter((b) => b.anchor);
    assert.equal(numbered[1]?.anchor, 'para-2');
    assert.match(numbered[1]!.text, /^The primary question that arises on Bloomberg’s appeal/);
  });

  it('changes nothing when a judgment is imported again', async () => {
    const report = await importFile(rt.db, file('612'));
    assert.deepEqual([report.outcome, report.unchanged, report.created, report.updated], ['succeeded', 1, 0, 0]);
  });

  it('accepts the pre-release namespace of Akoma Ntoso 3.0 (CSD13)', async () => {
    const xml = fs.readFileSync(file('612'), 'utf8').replace(`xmlns="${AKN3}"`, `xmlns="${AKN3}/CSD13"`);
    const report = await importFile(rt.db, writeFile(tmp.dir, 'csd13.xml', xml));
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
    assert.equal(report.unchanged, 1, 'the same judgment as in the 3.0 namespace');
  });

  it('refuses another namespace before looking at the document type', async () => {
    const report = await importFile(rt.db, writeFile(tmp.dir, 'v2.xml', `<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><debateReport/></akomaNtoso>`));
    assert.equal(report.outcome, 'invalid');
    assert.equal(report.issues.length, 1);
    assert.equal(report.issues[0]!.field, 'akomaNtoso');
    assert.match(report.issues[0]!.message, /the namespace is "http:\/\/www\.akomantoso\.org\/2\.0", expected Akoma Ntoso 3\.0/);
  });

  it('names a document type it does not import', async () => {
    const report = await importFile(rt.db, writeFile(tmp.dir, 'debate.xml', `<akomaNtoso xmlns="${AKN3}"><debateReport><meta/></debateReport></akomaNtoso>`));
    assert.equal(report.outcome, 'invalid');
    assert.match(report.issues[0]!.message, /^<debateReport> is a document type Palermo does not import/);
  });

  it('never ignores --type: a type that does not match the document is an error naming both', async () => {
    const wrong = await importFile(rt.db, file('611'), { type: 'law' });
    assert.equal(wrong.outcome, 'invalid');
    assert.match(wrong.issues[0]!.message, /--type law was given but the document is a <judgment>, imported as case law \(--type case\)/);
    const act = await importFile(rt.db, ZA, { type: 'case', dryRun: true });
    assert.equal(act.outcome, 'invalid');
    assert.match(act.issues[0]!.message, /--type case was given but the document is a <act>/);
    const right = await importFile(rt.db, file('611'), { type: 'case' });
    assert.deepEqual([right.outcome, right.unchanged], ['succeeded', 1]);
    await assert.rejects(importFile(rt.db, file('611'), { type: 'treaty' }), (e: unknown) => e instanceof ValidationError && /--type treaty does not apply to Akoma Ntoso/.test(e.message));
    const jsonl = writeFile(tmp.dir, 'cases.jsonl', '');
    await assert.rejects(importFile(rt.db, jsonl, { type: 'case' }), (e: unknown) => e instanceof ValidationError && /does not apply to JSON Lines/.test(e.message));
  });
});
