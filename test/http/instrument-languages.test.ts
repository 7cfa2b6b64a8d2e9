/**
 * Instruments in the six languages over HTTP: Palermo translations of headings and names marked as
 * such, no Dutch version of UN treaties, fallback English tagged lang="en", and an imported authentic
 * French text shown as the authentic French version of the article.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { anAuthenticExtract } from '../factories/instrument-texts.js';
import { importInstrumentText } from '../../src/modules/reference/instrument-texts.js';
import { CLI_ACTOR } from '../../src/modules/access/index.js';

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('instruments in six languages (pages)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  async function page(path: string): Promise<string> {
    const res = await server.get(path);
    assert.equal(res.status, 200, path);
    return main(await res.text());
  }

  it('lists UNTOC articles with Chinese headings marked as Palermo translations, and no Dutch version', async () => {
    const m = await page('/zh/treaties/untoc');
    assert.ok(m.includes('中文条款标题为Palermo的译文，并非作准文本'), 'notice');
    assert.match(m, /第18条<\/span><span dir="auto">司法协助<\/span>/);
    assert.ok(!m.includes('Mutual legal assistance'), 'no English heading left');
    assert.ok(!m.includes('hreflang="nl"') && !m.includes('荷兰语'), 'no Dutch version');
    assert.ok(m.includes('联合国秘书长') && m.includes('有组织犯罪公约'), 'depositary and short name in Chinese');
    assert.ok(m.includes('作准语文'), 'authentic languages row');
  });

  it('shows Arabic names for the Protocols and Council of Europe treaties, with the English title tagged', async () => {
    const som = await page('/ar/treaties/untoc-som');
    assert.ok(som.includes('بروتوكول تهريب المهاجرين') && !som.includes('Smuggling of Migrants Protocol'));
    const ets = await page('/ar/treaties/coe-extradition');
    assert.ok(!ets.includes('>ETS No. 24<'));
    assert.match(ets, /<h1 id="entry-title" lang="en" dir="auto">European Convention on Extradition<\/h1>/);
    assert.match(ets, /الاتفاقية الأوروبية لتسليم المجرمين<\/span> <span class="badge badge--translation">ترجمة باليرمو<\/span>/);
    assert.ok(ets.includes('مجلس أوروبا'));
  });

  it('says on an Arabic article page that the heading is a translation and the text the authentic English, tagged en', async () => {
    const m = await page('/ar/instruments/untoc/articles/18');
    assert.match(m, /<span dir="auto">المساعدة القانونية المتبادلة<\/span> <span class="badge badge--translation">ترجمة باليرمو<\/span>/);
    assert.ok(m.includes('الإنجليزية (نص ذو حجية)'), 'English marked authentic');
    assert.match(m, /<div class="legal-text article-text" lang="en" dir="auto">/);
    assert.ok(!m.includes('?version=nl'));
  });

  it('shows an imported authentic French text as the authentic French version', async () => {
    await importInstrumentText(server.runtime.db, { ctx: { actor: CLI_ACTOR }, instrument: 'untoc', lang: 'fr', content: anAuthenticExtract(), source: 'extract.md' });
    const fr = await page('/fr/instruments/untoc/articles/18');
    assert.match(fr, /<span dir="auto">Entraide judiciaire<\/span><\/h1>/);
    assert.ok(!fr.includes('badge--translation'), 'the heading is authentic now');
    assert.match(fr, /<div class="legal-text article-text" dir="auto"><p>1\. Extrait d’essai/);
    assert.ok(fr.includes('Français (faisant foi)') || fr.includes('français (faisant foi)'), 'French marked authentic');
    assert.ok(fr.includes('Anglais (faisant foi)') || fr.includes('anglais (faisant foi)'), 'English marked authentic');
    const en = await page('/en/instruments/untoc/articles/18?version=fr');
    assert.match(en, /lang="fr"/);
    const list = await page('/fr/treaties/untoc');
    assert.match(list, /Textes authentiques disponibles<\/dt>\s*<dd>[^<]*anglais et français/i);
    const zh = await page('/zh/instruments/untoc/articles/17');
    assert.ok(zh.includes('lang="en"'), 'article 17 (not in the extract) stays English, tagged');
  });

  it('tags English filter labels on an Arabic search page', async () => {
    const res = await server.get('/ar/search?instrument=coe-extradition');
    const html = await res.text();
    const facet = html.slice(html.indexOf('facet--instrument'), html.indexOf('</fieldset>', html.indexOf('facet--instrument')));
    assert.match(facet, /<span dir="auto" lang="en">European Convention on Extradition<\/span>/);
    const list = main(await (await server.get('/zh/treaties')).text());
    assert.ok(list.includes('<p class="result__context" dir="auto">偷运移民议定书</p>'), 'short names of the results in Chinese');
    assert.ok(!list.includes('Smuggling of Migrants Protocol'));
  });
});
