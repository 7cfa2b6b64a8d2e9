/** Every page that shows demo data says so (the issue: "labelled as demo data on every page that shows it"). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { aCase, aLaw, anExtract } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';

const NOTICE = 'class="demo-notice"';

describe('demo notice on pages that show demo data', () => {
  let server: TestServer;
  const demoCase = aCase({ id: 'demo-case-notice', country: 'ITA', cooperating_states: ['FRA'], demo: true, articles: ['untoc:18'] });
  before(async () => {
    server = await startTestServer();
    const law = aLaw({ country: 'ESP' });
    await saveRecords(server.runtime.db, [law, anExtract(law.id, { country: 'ESP', articles: ['untoc:18'] }), demoCase], { origin: 'import' });
  });
  after(async () => server?.close());

  const html = async (path: string) => {
    const res = await server.get(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  it('shows the notice on the demo entry, the profile of its country, the article it applies and the home page', async () => {
    for (const path of ['/en/cases/demo-case-notice', '/ar/countries/ITA', '/zh/instruments/untoc/articles/18', '/fr/']) {
      assert.ok((await html(path)).includes(NOTICE), path);
    }
  });

  it('does not show it on pages without demo data', async () => {
    for (const path of ['/en/countries/ESP', '/en/instruments/untoc/articles/16', '/en/countries']) {
      assert.ok(!(await html(path)).includes(NOTICE), path);
    }
  });
});
