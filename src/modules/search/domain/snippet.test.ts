import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { frameSnippet, leadSnippet, partsFromHeadline, snippetHtml, snippetText, substringSnippet } from './snippet.js';

const S = '\u0002';
const E = '\u0003';

describe('snippets', () => {
  it('splits ts_headline output into plain and marked parts', () => {
    const parts = partsFromHeadline(`the ${S}extradition${E} of\n nationals ${S}extradited${E}`, S, E);
    assert.deepEqual(parts, [{ text: 'the ' }, { text: 'extradition', mark: true }, { text: ' of nationals ' }, { text: 'extradited', mark: true }]);
  });

  it('escapes every part of the HTML form and only marks matches', () => {
    const parts = partsFromHeadline(`<script>alert(1)</script> & ${S}<b>x</b>${E} "q"`, S, E);
    assert.equal(snippetHtml(parts), '&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>&lt;b&gt;x&lt;/b&gt;</mark> &quot;q&quot;');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const html = snippetHtml(partsFromHeadline(s, S, E));
        return !/<(?!\/?mark>)/.test(html);
      }),
    );
  });

  it('highlights CJK terms as substrings', () => {
    const parts = substringSnippet('本法规定了司法协助的程序。司法协助请求应当以书面形式提出。', ['司法协助']);
    assert.equal(parts.filter((p) => p.mark).length, 2);
    assert.equal(snippetText(parts).includes('司法协助请求'), true);
  });

  it('cuts the lead of a long text at a word boundary', () => {
    const [part] = leadSnippet('word '.repeat(200), 50);
    assert.ok(part && part.text.length <= 52 && part.text.endsWith('…'));
  });
});

describe('frameSnippet', () => {
  const text = 'The first sentence is short. The court granted extradition of the person sought, who was a national of Spain, after a long hearing. Then the case was closed and no appeal was lodged by anyone at all.';
  it('extends a fragment back to the start of its sentence and marks a cut end with an ellipsis', () => {
    const parts = [{ text: 'granted ' }, { text: 'extradition', mark: true as const }, { text: ' of the person sought' }];
    assert.equal(snippetText(frameSnippet(parts, text)), 'The court granted extradition of the person sought …');
  });
  it('puts an ellipsis before a fragment whose sentence starts far before it, and none after a sentence end', () => {
    const long = `${'word '.repeat(40)}then extradition was granted.`;
    const framed = frameSnippet([{ text: 'then ' }, { text: 'extradition', mark: true }, { text: ' was granted.' }], long);
    assert.equal(snippetText(framed), '… then extradition was granted.');
    assert.equal(framed.find((p) => p.mark)?.text, 'extradition');
  });
  it('leaves a snippet that is the whole text, or that it cannot find, as it is', () => {
    assert.equal(snippetText(frameSnippet([{ text: 'Short text.' }], 'Short text.')), 'Short text.');
    assert.equal(snippetText(frameSnippet([{ text: 'elsewhere' }], text)), 'elsewhere');
  });
  it('frames Arabic and Chinese sentences', () => {
    assert.equal(snippetText(frameSnippet([{ text: 'منحت المحكمة ' }, { text: 'التسليم', mark: true }], 'جملة أولى. منحت المحكمة التسليم في القضية')), 'منحت المحكمة التسليم …');
    assert.equal(snippetText(frameSnippet([{ text: '法院准许' }, { text: '引渡', mark: true }], '第一句。法院准许引渡。')), '法院准许引渡。');
  });
});
