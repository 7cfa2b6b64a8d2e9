import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { leadSnippet, partsFromHeadline, snippetHtml, snippetText, substringSnippet } from './snippet.js';

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
