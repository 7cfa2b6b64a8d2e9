/**
 * Importing authentic language versions of shipped instruments: stored, merged into the treaty
 * record (article pages show them), kept by a reference reload; bad files, languages and
 * instruments are refused with problems naming the field or line, and nothing is written.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { anAknExtract, anAuthenticExtract } from '../factories/instrument-texts.js';
import { ValidationError } from '../../src/platform/http/errors.js';
import { getArticle } from '../../src/modules/knowledge/instruments.js';
import { ensureReferenceData } from '../../src/modules/reference/loader.js';
import { importInstrumentText, previewInstrumentText } from '../../src/modules/reference/instrument-texts.js';
import { CLI_ACTOR } from '../../src/modules/access/index.js';

const CLI = { actor: CLI_ACTOR };
import { listInstrumentTexts } from '../../src/modules/reference/repository-texts.js';

describe('import of authentic instrument texts', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
  });
  after(async () => rt?.close());

  const refused = async (input: Omit<Parameters<typeof importInstrumentText>[1], 'ctx'>) => {
    const err = await importInstrumentText(rt.db, { ctx: CLI, ...input }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ValidationError, 'a validation error');
    assert.equal(err.status, 400);
    return err.issues ?? [];
  };

  it('stores a French extract as the authentic French text of the articles it contains', async () => {
    const r = await importInstrumentText(rt.db, { ctx: CLI, instrument: 'untoc', lang: 'fr', content: anAuthenticExtract(), source: 'untoc-fr-extract.md' });
    assert.deepEqual({ ...r, missing: r.missing.length }, { instrument: 'untoc', lang: 'fr', articles: 2, missing: 39, outcome: 'created', record: 'updated' });
    const a18 = await getArticle(rt.db, 'untoc', '18');
    assert.deepEqual(a18?.titles, { en: 'Mutual legal assistance', fr: 'Entraide judiciaire' });
    assert.equal(a18?.texts.fr, '1. Extrait d’essai : les États Parties s’accordent l’entraide judiciaire la plus large possible.\n\n2. Deuxième paragraphe de l’extrait d’essai.');
    assert.match(a18?.texts.en ?? '', /widest measure of mutual legal assistance/);
    assert.deepEqual(Object.keys((await getArticle(rt.db, 'untoc', '17'))!.texts), ['en']);
    const audit = await rt.db.selectFrom('audit_events').select(['action', 'target_id', 'via']).where('action', '=', 'reference.import_instrument_text').execute();
    assert.deepEqual(audit, [{ action: 'reference.import_instrument_text', target_id: 'untoc', via: CLI_ACTOR.via }]);
    const [row] = await listInstrumentTexts(rt.db);
    assert.equal(row?.source, 'untoc-fr-extract.md');
    assert.match(row?.sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  it('replaces the text on a second import and keeps it through a reference reload', async () => {
    const again = anAuthenticExtract({ articles: [{ number: '18', title: 'Entraide judiciaire', paragraphs: ['Texte remplacé.'] }] });
    const r = await importInstrumentText(rt.db, { ctx: CLI, instrument: 'untoc', lang: 'fr', content: again, source: 'v2.md' });
    assert.equal(r.outcome, 'updated');
    assert.equal((await getArticle(rt.db, 'untoc', '1'))?.texts.fr, undefined, 'article 1 is no longer in the French text');
    const reload = await ensureReferenceData(rt.db, { force: true });
    assert.ok(reload.loaded);
    assert.equal((await getArticle(rt.db, 'untoc', '18'))?.texts.fr, 'Texte remplacé.');
  });

  it('accepts French for a Council of Europe treaty and refuses the languages in which it is not authentic', async () => {
    const ok = await importInstrumentText(rt.db, { ctx: CLI, instrument: 'coe-extradition', lang: 'fr', content: anAuthenticExtract({ articles: [{ number: '1', title: 'Obligation d’extrader', paragraphs: ['Extrait d’essai.'] }] }), source: 'ets24-fr.md' });
    assert.equal(ok.articles, 1);
    const issues = await refused({ instrument: 'coe-extradition', lang: 'ar', content: anAuthenticExtract({ word: 'المادة' }), source: 'x' });
    assert.equal(issues[0]?.field, 'lang');
    assert.match(issues[0]!.message, /not an authentic language of ETS No\. 24; import one of: fr/);
  });

  it('refuses an unknown instrument, English, Dutch and a bad file, naming the field or the line, writing nothing', async () => {
    const before = (await listInstrumentTexts(rt.db)).map((r) => `${r.treaty_id}:${r.lang}:${r.sha256}`);
    const auditCount = async () => (await rt.db.selectFrom('audit_events').select('id').where('action', '=', 'reference.import_instrument_text').execute()).length;
    const audited = await auditCount();
    assert.equal((await refused({ instrument: 'no-such', lang: 'fr', content: anAuthenticExtract(), source: 'x' }))[0]?.field, 'instrument');
    assert.match((await refused({ instrument: 'untoc', lang: 'en', content: anAuthenticExtract(), source: 'x' }))[0]!.message, /English text is shipped/);
    assert.equal((await refused({ instrument: 'untoc', lang: 'nl', content: anAuthenticExtract(), source: 'x' }))[0]?.field, 'lang');
    assert.equal((await refused({ instrument: 'untoc', lang: 'fr', content: anAuthenticExtract(), source: '  ' }))[0]?.field, 'source');
    const bad = anAuthenticExtract({ articles: [{ number: '18', paragraphs: ['ok'] }, { number: '99', paragraphs: ['no such article'] }] });
    const issues = await refused({ instrument: 'untoc', lang: 'es', content: bad, source: 'x' });
    assert.deepEqual(issues.map((i) => [i.field, i.line]), [['file', 12]]);
    assert.match(issues[0]!.message, /article 99 is not an article of this instrument/);
    assert.deepEqual((await listInstrumentTexts(rt.db)).map((r) => `${r.treaty_id}:${r.lang}:${r.sha256}`), before);
    assert.equal((await getArticle(rt.db, 'untoc', '18'))?.texts.es, undefined);
    assert.equal(await auditCount(), audited, 'no audit event for a refused import');
  });

  it('imports an Akoma Ntoso act: articles inside chapters, numbers from <num> or the eId, headings, numbered paragraphs', async () => {
    const xml = anAknExtract({
      articles: [
        { number: '1', num: 'Artículo 1', title: 'Finalidad', paragraphs: ['Extracto de prueba del artículo 1.'] },
        { number: '2', num: null, title: 'Definiciones', paragraphs: ['Sin <num>: el número sale del eId.'] },
        { number: '18', num: 'Artículo 18.', title: 'Asistencia judicial recíproca', paragraphs: ['Primer párrafo.', 'Segundo párrafo.'] },
      ],
    });
    const preview = previewInstrumentText({ instrument: 'untoc', lang: 'es', content: xml, source: 'untoc-es.akn.xml' });
    assert.equal(preview.format, 'akn');
    assert.equal(preview.title, 'Convención de prueba (extracto)');
    assert.deepEqual(preview.articles.map((a) => [a.number, a.title]), [['1', 'Finalidad'], ['2', 'Definiciones'], ['18', 'Asistencia judicial recíproca']]);
    assert.equal(preview.articles[2]!.text, '1. Primer párrafo.\n\n2. Segundo párrafo.');
    assert.equal(preview.missing.length, 38);
    assert.equal((await getArticle(rt.db, 'untoc', '18'))?.texts.es, undefined, 'a preview writes nothing');
    const r = await importInstrumentText(rt.db, { ctx: CLI, instrument: 'untoc', lang: 'es', content: xml, source: 'untoc-es.akn.xml' });
    assert.equal(r.articles, 3);
    const a18 = await getArticle(rt.db, 'untoc', '18');
    assert.equal(a18?.titles.es, 'Asistencia judicial recíproca');
    assert.equal(a18?.texts.es, '1. Primer párrafo.\n\n2. Segundo párrafo.');
    const audit = await rt.db.selectFrom('audit_events').select('changes').where('action', '=', 'reference.import_instrument_text').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal((audit.changes as Record<string, unknown>).format, 'akn');
  });

  it('accepts the pre-release namespace and refuses other documents, another FRBRlanguage, unknown or repeated articles, naming the line', async () => {
    const pre = anAknExtract({ namespace: 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD13', language: 'rus', articles: [{ number: '5', num: 'Статья 5', title: 'Криминализация участия', paragraphs: ['Тестовый отрывок.'] }] });
    assert.deepEqual(previewInstrumentText({ instrument: 'untoc', lang: 'ru', content: pre, source: 'x' }).articles.map((a) => a.number), ['5']);
    const issuesOf = (content: string, lang = 'es') => {
      try {
        previewInstrumentText({ instrument: 'untoc', lang, content, source: 'x' });
      } catch (err) {
        assert.ok(err instanceof ValidationError);
        return err.issues ?? [];
      }
      assert.fail('refused');
    };
    const judgment = issuesOf(anAknExtract({ docType: 'judgment' }));
    assert.equal(judgment.length, 1);
    assert.match(judgment[0]!.message, /<judgment> is an Akoma Ntoso <judgment> document; a treaty text is read from an <act>/);
    assert.equal(judgment[0]!.line, 3);
    assert.match(issuesOf(anAknExtract({ language: 'fra' }))[0]!.message, /FRBRlanguage is "fr", not the language imported \("es"\)/);
    const twice = issuesOf(anAknExtract({ articles: [{ number: '18', paragraphs: ['a'] }, { number: '99', paragraphs: ['b'] }, { number: '18', paragraphs: ['c'] }] }));
    assert.deepEqual(twice.map((i) => i.message), ['article 99 is not an article of this instrument', 'article 18 appears twice (first at line 14)']);
    assert.ok(twice.every((i) => typeof i.line === 'number' && i.line > 10));
    const broken = issuesOf('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body></act>');
    assert.equal(broken[0]!.line, 1);
    assert.match(broken[0]!.message, /not well-formed/);
    assert.match(issuesOf('<other xmlns="urn:x"/>')[0]!.message, /expected <akomaNtoso>/);
    assert.match(issuesOf(anAknExtract({ articles: [] }))[0]!.message, /no <article> element/);
  });
});
