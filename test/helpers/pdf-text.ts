/**
 * The text of a PDF as pdf.js reads it (pdfjs-dist, dev dependency): every font's own ToUnicode map,
 * including the one-byte Type3 subsets Chromium writes for Chinese, and Arabic presentation forms
 * folded back to letters (NFKC).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfFullText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      text += '\n';
    }
    return text.normalize('NFKC');
  } finally {
    await doc.destroy();
  }
}
