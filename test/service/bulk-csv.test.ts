import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aLaw, aTreaty } from '../factories/knowledge.js';
import { datasetChunks } from '../../src/modules/bulk/export/datasets.js';
import { tempDir, writeFile } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';
import { getEntry, getLaw, saveRecords } from '../../src/modules/knowledge/service.js';
import { ValidationError } from '../../src/platform/http/errors.js';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

describe('bulk import of CSV', () => {
  let rt: TestRuntime;
  const tmp = tempDir();
  let n = 0;
  const id = (prefix: string) => `${prefix}-csv-${n++}-${Date.now().toString(36)}`;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
  });
  after(async () => {
    await rt?.close();
    tmp.remove();
  });

  it('imports laws and extracts with language columns, lists and multi-line cells', async () => {
    const lawId = id('law');
    const laws = writeFile(tmp.dir, 'laws.csv', csv([
      ['id', 'country', 'citation', 'adopted_on', 'title_fr', 'full_text_fr', 'title_en', 'machine_translated_en', 'translated_from_en'],
      [lawId, 'FRA', 'Loi n° 1', '2004-03-09', 'Code pénal', 'Article 1\nArticle 2', 'Criminal Code', 'true', 'fr'],
    ]));
    const first = await importFile(rt.db, laws);
    assert.equal(first.outcome, 'succeeded', JSON.stringify(first.issues));
    const law = await getLaw(rt.db, lawId);
    assert.equal(law?.texts.fr?.full_text, 'Article 1\nArticle 2');
    assert.equal(law?.texts.en?.machine_translated, true);

    const extractId = id('leg');
    const extracts = writeFile(tmp.dir, 'palermo-legislation.csv', csv([
      ['id', 'country', 'law_id', 'article_ref', 'position', 'cooperation_types', 'crime_types', 'demo', 'title_fr', 'body_fr', 'status_fr'],
      [extractId, 'FRA', lawId, 'Art. 694', '3', 'mla | extradition', 'drug-offences', 'true', 'Entraide', "'=1+1 n'est pas une formule", 'published'],
    ]));
    const report = await importFile(rt.db, extracts);
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
    assert.equal(report.recordType, 'legislation', 'the type comes from the file name');
    const doc = await getEntry(rt.db, extractId);
    assert.ok(doc?.type === 'legislation');
    assert.deepEqual(doc.cooperation_types, ['extradition', 'mla']);
    assert.equal(doc.position, 3);
    assert.equal(doc.demo, true);
    assert.equal(doc.texts.fr?.body, "=1+1 n'est pas une formule", 'the apostrophe that guards formulas is removed');
    assert.equal((await importFile(rt.db, extracts)).unchanged, 1);
  });

  it('rejects a header with unknown or missing columns before reading any row', async () => {
    const file = writeFile(tmp.dir, 'cases.csv', csv([
      ['id', 'court', 'colour', 'title_en', 'title_en', 'summary_xx-'],
      [id('case'), 'Court', 'red', 'A', 'A', 'B'],
    ]));
    const report = await importFile(rt.db, file);
    assert.equal(report.outcome, 'invalid');
    assert.deepEqual(
      report.issues.map((i) => [i.line, i.field]),
      [
        [1, 'colour'],
        [1, 'title_en'],
        [1, 'summary_xx-'],
        [1, 'country'],
      ],
    );
    assert.match(report.issues[0]!.message, /is not a column of case CSV files/);
    assert.match(report.issues[3]!.message, /required column is missing/);
    const noTitle = await importFile(rt.db, writeFile(tmp.dir, 'strategies.csv', csv([['id', 'country'], [id('s'), 'ESP']])));
    assert.deepEqual(noTitle.issues.map((i) => i.field), ['title_<lang>']);
  });

  it('names the line and column of bad cells, counting lines inside quoted cells', async () => {
    const good = id('case');
    const file = writeFile(tmp.dir, 'cases.csv', csv([
      ['id', 'country', 'untoc_legal_basis', 'sources', 'articles', 'title_en', 'summary_en'],
      [good, 'ITA', 'true', '[{"title":"Court","url":"https://example.org/"}]', '', 'Good', 'Line 1\nLine 2\nLine 3'],
      [id('case'), 'ITA', 'maybe', '', '', 'Bad boolean', ''],
      [id('case'), 'ITA', '', 'not json', '', 'Bad JSON', ''],
      [id('case'), 'ITA', '', '', 'untoc:999|nope:1', '  ', ''],
      [id('case'), 'XXX', '', '', '', 'Bad country', ''],
    ]) + 'only,three,cells\r\n');
    const report = await importFile(rt.db, file);
    assert.equal(report.outcome, 'invalid');
    assert.deepEqual(
      report.issues.map((i) => [i.line, i.field]),
      [
        [5, 'untoc_legal_basis'],
        [6, 'sources'],
        [7, 'title_en'],
        [7, 'articles[1]'],
        [7, 'articles[2]'],
        [8, 'country'],
        [9, '(row)'],
      ],
    );
    assert.match(report.issues[6]!.message, /has 3 values but the header has 7 columns/);
    assert.equal(await getEntry(rt.db, good), undefined, 'the good row was not written');
  });

  it('reports a broken quote or a bad encoding with its line and stops reading there', async () => {
    const quoted = await importFile(rt.db, writeFile(tmp.dir, 'cases.csv', `id,country,title_en\r\n${id('c')},ITA,"ok"\r\n${id('c')},ITA,"bad"x\r\n`));
    assert.equal(quoted.outcome, 'invalid');
    assert.equal(quoted.issues[0]?.line, 3);
    assert.match(quoted.issues[0]!.message, /Invalid Closing Quote.*rest of the file was not read/);

    const latin1 = Buffer.concat([Buffer.from(`id,country,title_fr\n${id('c')},FRA,ok\n${id('c')},FRA,`), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]);
    const encoded = await importFile(rt.db, writeFile(tmp.dir, 'cases.csv', latin1));
    assert.deepEqual(encoded.issues.map((i) => [i.line, i.field]), [[3, '(file)']]);
    assert.match(encoded.issues[0]!.message, /not valid UTF-8/);

    const empty = await importFile(rt.db, writeFile(tmp.dir, 'cases.csv', ''));
    assert.equal(empty.outcome, 'invalid');
    assert.match(empty.issues[0]!.message, /is empty: a CSV file starts with a header row/);
    const headerOnly = await importFile(rt.db, writeFile(tmp.dir, 'cases.csv', 'id,country,title_en\n'));
    assert.deepEqual([headerOnly.outcome, headerOnly.records, headerOnly.warnings[0]?.message], ['succeeded', 0, 'contains no records']);
  });

  it('needs the record type when the file name does not tell it', async () => {
    const file = writeFile(tmp.dir, 'export-2024.csv', 'id,country,title_en\n');
    await assert.rejects(importFile(rt.db, file), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'type');
  });

  it('replaces the provisions and parties of existing treaties from their own files', async () => {
    const treaty = aTreaty({ id: id('tr'), kind: 'universal', parties: [{ country: 'FRA' }], provisions: [{ number: '1' }] });
    await saveRecords(rt.db, [treaty], { origin: 'import' });
    const provisions = writeFile(tmp.dir, 'treaty-provisions.csv', csv([
      ['treaty_id', 'number', 'terms', 'title_en', 'text_en', 'title_ru'],
      [treaty.id, '1', 'cooperation:mla', 'Scope', 'This Convention applies…', 'Сфера применения'],
      [treaty.id, '2bis', '', 'Definitions', '', ''],
    ]));
    const report = await importFile(rt.db, provisions);
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
    assert.deepEqual([report.records, report.updated], [2, 2], 'counted by row');
    const t = await getEntry(rt.db, treaty.id);
    assert.ok(t?.type === 'treaty');
    assert.deepEqual(t.provisions?.map((p) => [p.number, p.titles?.en, p.terms]), [['1', 'Scope', ['cooperation:mla']], ['2bis', 'Definitions', undefined]]);
    assert.equal(t.provisions?.[0]?.titles?.ru, 'Сфера применения');
    assert.deepEqual(t.parties?.map((p) => p.country), ['FRA'], 'parties are untouched by a provisions file');
    assert.equal((await importFile(rt.db, provisions)).unchanged, 2);

    const parties = writeFile(tmp.dir, 'treaty-parties.csv', csv([
      ['treaty_id', 'country', 'signed_on', 'consent_kind', 'consent_on', 'reservations'],
      [treaty.id, 'ITA', '2000-12-12', 'ratification', '2006-08-02', ''],
      [treaty.id, 'ESP', '2000-12-13', '', '', 'Reservation, with "quotes"\nand two lines'],
    ]));
    assert.equal((await importFile(rt.db, parties)).outcome, 'succeeded');
    const after = await getEntry(rt.db, treaty.id);
    assert.ok(after?.type === 'treaty');
    assert.deepEqual(after.parties?.map((p) => p.country), ['ESP', 'ITA']);
    assert.equal(after.parties?.[0]?.reservations, 'Reservation, with "quotes"\nand two lines');
  });

  it('names the row of a bad provision and refuses unknown treaties and scattered rows', async () => {
    const treaty = aTreaty({ id: id('tr'), kind: 'universal', parties: [] });
    await saveRecords(rt.db, [treaty], { origin: 'import' });
    const file = writeFile(tmp.dir, 'treaty-provisions.csv', csv([
      ['treaty_id', 'number', 'terms', 'title_en'],
      [treaty.id, '1', '', 'One'],
      [treaty.id, 'one', 'cooperation:nothing', 'Two'],
      ['no-such-treaty', '1', '', 'X'],
      [treaty.id, '3', '', 'Three'],
    ]));
    const report = await importFile(rt.db, file);
    assert.equal(report.outcome, 'invalid');
    assert.deepEqual(
      report.issues.map((i) => [i.line, i.field]),
      [
        [3, 'number'],
        [4, 'treaty_id'],
        [5, 'treaty_id'],
      ],
    );
    assert.match(report.issues[1]!.message, /unknown treaty "no-such-treaty"/);
    assert.match(report.issues[2]!.message, /must be next to each other: it already appeared on line 2/);
  });

  it('keeps a law’s attachment, which CSV cannot carry; JSON Lines exports embed it', async () => {
    const content = Buffer.from('%PDF-1.4 test law text');
    const law = aLaw({ id: id('law'), attachment: { filename: 'loi.pdf', media_type: 'application/pdf', content_base64: content.toString('base64') } });
    await saveRecords(rt.db, [law], { origin: 'import' });
    const file = writeFile(tmp.dir, 'laws.csv', csv([
      ['id', 'country', 'citation', 'adopted_on', 'original_lang', 'title_fr'],
      [law.id, 'FRA', 'Citation corrigée', '2004-03-09', 'fr', law.texts.fr!.title],
    ]));
    const report = await importFile(rt.db, file);
    assert.deepEqual([report.outcome, report.updated], ['succeeded', 1]);
    const stored = await getLaw(rt.db, law.id);
    assert.equal(stored?.citation, 'Citation corrigée');
    assert.deepEqual([stored?.attachment?.filename, stored?.attachment?.byte_size], ['loi.pdf', content.length]);
    assert.equal((await importFile(rt.db, file)).unchanged, 1);

    let exported: { attachment?: { content_base64?: string } } | undefined;
    for await (const chunk of datasetChunks(rt.db, 'law', 'jsonl')) {
      for (const line of chunk.text.trimEnd().split('\n')) if (line.includes(`"id":"${law.id}"`)) exported = JSON.parse(line);
    }
    assert.equal(exported?.attachment?.content_base64, content.toString('base64'));
  });
});
