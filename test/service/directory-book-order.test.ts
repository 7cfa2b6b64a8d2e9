/** The directory book lists countries in the order of their names in the reader's language (Intl.Collator), contents and sections alike. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { anAuthority } from '../factories/directory.js';
import { publishAuthorities } from '../http/directory-support.js';
import { unzip } from '../http/directory-files.js';
import { bookHtmlChunks } from '../../src/modules/directory/export/book-html.js';
import { bookDocx } from '../../src/modules/directory/export/docx.js';
import { PUBLIC_VIEWER } from '../../src/modules/directory/domain/visibility.js';
import type { Lang } from '../../src/platform/i18n/languages.js';

describe('directory book order', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    // Codes in the order DEU, ESP, FRA; names in English France, Germany, Spain; in French Allemagne, Espagne, France.
    await publishAuthorities(rt.db, [anAuthority({ country: 'FRA' }), anAuthority({ country: 'DEU' }), anAuthority({ country: 'ESP' })]);
  });
  after(async () => rt?.close());

  const book = async (lang: Lang) => {
    let html = '';
    for await (const chunk of bookHtmlChunks(rt.db, { lang, viewer: PUBLIC_VIEWER, site: 'https://palermo.example.org' })) html += chunk;
    const toc = /<nav class="toc">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    return {
      toc: [...toc.matchAll(/href="#c-([A-Z]{3})"/g)].map((m) => m[1]),
      sections: [...html.matchAll(/<section class="country"><h1 id="c-([A-Z]{3})"/g)].map((m) => m[1]),
    };
  };

  it('orders contents and sections by the country names of the reader’s language', async () => {
    assert.deepEqual(await book('en'), { toc: ['FRA', 'DEU', 'ESP'], sections: ['FRA', 'DEU', 'ESP'] });
    assert.deepEqual(await book('fr'), { toc: ['DEU', 'ESP', 'FRA'], sections: ['DEU', 'ESP', 'FRA'] });
    const es = await book('es');
    assert.deepEqual(es.toc, es.sections);
  });

  it('orders the DOCX book the same way', async () => {
    const xml = unzip(await bookDocx(rt.db, { lang: 'fr', viewer: PUBLIC_VIEWER, site: 'https://palermo.example.org' })).get('word/document.xml')!.toString('utf8');
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    const entries = [...toc.matchAll(/<w:t[^>]*>(Allemagne|Espagne|France)<\/w:t>/g)].map((m) => m[1]);
    assert.deepEqual(entries, ['Allemagne', 'Espagne', 'France'], 'contents');
    const body = xml.slice(xml.indexOf('</w:sdt>'));
    const headings = [...body.matchAll(/<w:t[^>]*>(Allemagne|Espagne|France)<\/w:t>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['Allemagne', 'Espagne', 'France'], 'sections');
  });

  it('gives the DOCX a Word table-of-contents field over the country headings, updated (page numbers) when opened', async () => {
    const files = unzip(await bookDocx(rt.db, { lang: 'en', viewer: PUBLIC_VIEWER, site: 'https://palermo.example.org' }));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>') + 8);
    assert.ok(toc.length > 100, 'a structured document tag holds the contents');
    // A TOC field over Heading 1 with hyperlinks, marked dirty so that Word computes it at opening.
    assert.match(toc, /<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
    assert.match(toc, /<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;|<w:instrText[^>]*>TOC \\h \\o "1-1"/);
    assert.match(toc, /<w:fldChar w:fldCharType="end"\/>/);
    // Until then: the countries, each linked to the bookmark on its heading.
    const links = [...toc.matchAll(/<w:hyperlink[^>]* w:anchor="([^"]+)"[^>]*>.*?<w:t[^>]*>([^<]+)<\/w:t>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links, [['country_FRA', 'France'], ['country_DEU', 'Germany'], ['country_ESP', 'Spain']]);
    for (const [id, name] of links) {
      const heading = new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:bookmarkStart w:name="${id}"[^>]*/>.*?<w:t[^>]*>${name}</w:t>`);
      assert.match(xml, heading, `${name}: Heading 1 with its bookmark`);
    }
    assert.doesNotMatch(xml, /<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Contents/, 'the contents do not list themselves');
    assert.match(xml, /Page numbers are filled in by your word processor/);
    assert.match(files.get('word/settings.xml')!.toString('utf8'), /<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });

  it('sets the contents right to left in Arabic (the entries\' style, the field\'s paragraphs), and not in English', async () => {
    const parts = async (lang: Lang) => {
      const files = unzip(await bookDocx(rt.db, { lang, viewer: PUBLIC_VIEWER, site: 'https://palermo.example.org' }));
      const xml = files.get('word/document.xml')!.toString('utf8');
      const styles = files.get('word/styles.xml')!.toString('utf8');
      return {
        toc: xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>') + 8),
        tocStyle: /<w:style [^>]*w:styleId="TOC1"[^>]*>([\s\S]*?)<\/w:style>/.exec(styles)?.[1] ?? '',
        defaults: /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '',
      };
    };
    const ar = await parts('ar');
    const entries = [...ar.toc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    assert.equal(entries.length, 3, 'one paragraph per country');
    for (const p of entries) assert.match(p, /<w:pStyle w:val="TOC1"\/>/, 'each entry has the contents style');
    assert.match(ar.tocStyle, /<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/, 'the contents style is right to left');
    assert.match(ar.tocStyle, /<w:rPr>[\s\S]*<w:rtl\/>[\s\S]*<\/w:rPr>/, 'its runs too');
    assert.match(ar.defaults, /<w:pPrDefault>[\s\S]*<w:bidi\/>/, 'and the defaults: the field\'s own paragraphs when no entry is listed');
    assert.match(ar.defaults, /<w:rPrDefault>[\s\S]*<w:rtl\/>/);
    const en = await parts('en');
    assert.ok(en.tocStyle.length > 0, 'English has the contents style');
    assert.doesNotMatch(en.tocStyle, /<w:bidi|<w:rtl/);
    assert.doesNotMatch(en.defaults, /<w:bidi|<w:rtl/);
    assert.doesNotMatch(en.toc, /<w:bidi|<w:rtl/);
  });
});
