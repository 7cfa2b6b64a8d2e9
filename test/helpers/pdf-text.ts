/**
 * The text of a PDF as pdf.js reads it (pdfjs-dist, dev dependency): every font's own ToUnicode map,
 * including the one-byte Type3 subsets Chromium writes for Chinese, and Arabic presentation forms
 * folded back to letters (NFKC).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfFullText(pdf: Buffer): Promise<string> {
  return (await pdfPageTexts(pdf)).join('\n');
}

/** The text of each page (index 0: page 1). */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      pages.push(`${text}\n`.normalize('NFKC'));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
