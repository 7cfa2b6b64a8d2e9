import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanLine, parseTreatyMarkdown } from './treaty-markdown.js';

const SAMPLE = `<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />

##Verdrag inzake iets

####Convention on Something

Preamble The States Parties, Have agreed as follows:
### CHAPTER  I  

####GENERAL PROVISIONS

### Article  1  

####Use of terms

For the purposes of this Convention: 

a) \`\`computer system" means any device;  

b) the [European Convention](../../x/(wct)/(1996)/README.md) applies, *inter alia,*here and *ordre public* there (*b*).   
### Article  2  

1.   First paragraph.   
2.   Second paragraph.  
(i)Glued marker.

### CHAPTER  II  

####FINAL PROVISIONS

### Article  3  

####Depositary

The Secretary-General is depositary.

IN WITNESS WHEREOF the undersigned have signed. DONE at Budapest, this 23rd day of November 2001.

####Verdrag inzake iets.

PreambuleDe Staten, Zijn als volgt overeengekomen:
### HOOFDSTUK  I  

####ALGEMEEN

### Artikel  1  

####Begripsomschrijvingen

a. „computersysteem", ieder apparaat; en "verkeersgegevens", iets <sup>1) Noot vertaler: zie hierboven. </sup>daarna.

### Artikel  2  

1. Eerste lid.

### Artikel  3  

####Depositaris

De Secretaris-Generaal is depositaris.

TEN BLIJKE WAARVAN de ondergetekenden dit Verdrag hebben ondertekend.
`;

describe('treaty markdown parser', () => {
  const parsed = parseTreatyMarkdown(SAMPLE);

  it('splits the English text from the Dutch translation and reads both titles', () => {
    assert.equal(parsed.titleNl, 'Verdrag inzake iets');
    assert.equal(parsed.titleEn, 'Convention on Something');
    assert.deepEqual(
      parsed.en.articles.map((a) => a.number),
      ['1', '2', '3'],
    );
    assert.deepEqual(
      parsed.nl.articles.map((a) => a.number),
      ['1', '2', '3'],
    );
  });

  it('takes the heading after an article, never a chapter heading, and allows articles without one', () => {
    assert.deepEqual(
      parsed.en.articles.map((a) => a.title),
      ['Use of terms', undefined, 'Depositary'],
    );
    assert.deepEqual(
      parsed.nl.articles.map((a) => a.title),
      ['Begripsomschrijvingen', undefined, 'Depositaris'],
    );
  });

  it('keeps paragraphs apart and leaves chapter titles, the preamble and the closing formula out of articles', () => {
    assert.equal(parsed.en.articles[1]!.text, '1. First paragraph.\n\n2. Second paragraph.\n\n(i) Glued marker.');
    assert.equal(parsed.en.articles[2]!.text, 'The Secretary-General is depositary.');
    assert.ok(!parsed.en.articles.some((a) => /CHAPTER|GENERAL PROVISIONS|Preamble|WITNESS/.test(a.text)));
    assert.match(parsed.en.testimonium ?? '', /DONE at Budapest, this 23rd day of November 2001/);
    assert.match(parsed.nl.testimonium ?? '', /^TEN BLIJKE WAARVAN/);
  });

  it('cleans markdown: quotes, links, emphasis, inline notes', () => {
    const [first] = parsed.en.articles;
    assert.match(first!.text, /a\) “computer system” means any device;/);
    assert.match(first!.text, /b\) the European Convention applies, inter alia, here and ordre public there \(b\)\./);
    const [eerste] = parsed.nl.articles;
    assert.match(eerste!.text, /„computersysteem”, ieder apparaat; en „verkeersgegevens”, iets \[1\) Noot vertaler: zie hierboven\.\] daarna\./);
  });

  it('refuses a file without its Dutch part rather than mixing languages', () => {
    assert.throws(() => parseTreatyMarkdown('##Titel\n\n####Title\n\n### Article 1\n\nText.\n'), /no Dutch part/);
  });

  it('produces clean single-line text from any line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('en' as const, 'nl' as const), (raw, lang) => {
        const out = cleanLine(raw.replace(/\n/g, ' '), lang);
        assert.equal(out, out.trim());
        assert.ok(!out.includes('``'));
        assert.ok(!out.includes('"'), `straight quote left in ${JSON.stringify(out)}`);
        assert.ok(!/ {2}/.test(out));
      }),
    );
  });
});
