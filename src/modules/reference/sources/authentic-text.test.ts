import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAuthenticText } from './authentic-text.js';

const KNOWN = new Set(Array.from({ length: 41 }, (_v, i) => String(i + 1)));

describe('authentic text files (import-instrument-text)', () => {
  it('reads articles, headings and paragraphs in the layout of the shipped files, ignoring preamble and chapters', () => {
    const { text, issues } = parseAuthenticText(
      ['## Convention (extrait)', 'Préambule.', '### Chapitre I', '#### Dispositions générales', '### Article 1', '#### Objet', '', 'Premier paragraphe.', 'Second paragraphe.', '### Article 18', 'Sans intitulé.'].join('\n'),
      KNOWN,
    );
    assert.deepEqual(issues, []);
    assert.deepEqual(text, {
      title: 'Convention (extrait)',
      articles: [
        { number: '1', title: 'Objet', text: 'Premier paragraphe.\n\nSecond paragraphe.' },
        { number: '18', text: 'Sans intitulé.' },
      ],
    });
  });

  it('accepts the article word of each language', () => {
    for (const heading of ['### Article 18', '### Artículo 18', '### Статья 18', '### المادة 18', '### 第18条', '###Article 18.']) {
      const { text, issues } = parseAuthenticText(`${heading}\n#### x\ntext`, KNOWN);
      assert.deepEqual(issues, [], heading);
      assert.equal(text.articles[0]?.number, '18', heading);
    }
  });

  it('names the line of every problem', () => {
    const { issues } = parseAuthenticText(['### Article 1', 'a', '### Article 99', 'b', '### Article 1', 'c', '### Article 2', '', '### Article 3', 'bad \u0001 byte'].join('\n'), KNOWN);
    assert.deepEqual(
      issues.map((i) => [i.line, i.field]),
      [
        [3, 'file'],
        [5, 'file'],
        [10, 'file'],
        [7, 'file'],
      ],
    );
    assert.match(issues[0]!.message, /article 99 is not an article of this instrument/);
    assert.match(issues[1]!.message, /appears twice \(first at line 1\)/);
    assert.match(issues[3]!.message, /article 2 has no text/);
    assert.equal(parseAuthenticText('just prose\n', KNOWN).issues[0]?.line, 1);
  });

  it('never throws and names a line for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('### Article 5', '#### T', '### Chapitre', '## T', '')), { maxLength: 30 }), (lines) => {
        const { issues } = parseAuthenticText(lines.join('\n'), KNOWN);
        for (const i of issues) assert.ok(Number.isInteger(i.line) && i.line! >= 1 && i.line! <= lines.length + 1);
      }),
    );
  });
});
