/**
 * On which page of a printed PDF each named destination lands. Chromium writes a named destination
 * for every element an internal link points to (the contents' links to "#c-FRA"), so the book's first
 * print tells the page of every country heading; the second print puts those numbers in the contents.
 *
 * pdfjs-dist (a runtime dependency for this reason) reads only the document catalogue and page tree
 * here: no page is rendered, no font loaded.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Page number (1-based) of every named destination whose name starts with `prefix`. */
export async function destinationPages(pdf: Uint8Array, prefix = ''): Promise<Map<string, number>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const dests = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    const pages = new Map<string, number>();
    for (const [name, dest] of Object.entries(dests)) {
      if (!name.startsWith(prefix) || !Array.isArray(dest)) continue;
      const ref = dest[0];
      // Either a page reference { num, gen } or, in some writers, a page index.
      const index = typeof ref === 'number' ? ref : ref && typeof ref === 'object' ? await doc.getPageIndex(ref as { num: number; gen: number }) : undefined;
      if (index !== undefined) pages.set(name, index + 1);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The same names on the same pages. */
export function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
