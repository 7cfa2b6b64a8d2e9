/**
 * Small readers for the directory's binary exports in tests: the entries of a ZIP file (DOCX), and
 * the text layer of a PDF printed by Chromium (Type0 fonts with ToUnicode maps, hex strings in Tj/TJ).
 */
import zlib from 'node:zlib';

/** Files of a ZIP archive by name (stored or deflated entries). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const data = buf.subarray(local + 30 + lNameLen + lExtraLen, local + 30 + lNameLen + lExtraLen + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const s = pdf.indexOf('stream', at, 'latin1');
    if (s < 0) break;
    let start = s + 6;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const e = pdf.indexOf('endstream', start, 'latin1');
    if (e < 0) break;
    const dict = pdf.subarray(Math.max(0, s - 300), s).toString('latin1');
    const raw = pdf.subarray(start, e);
    try {
      out.push(/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<'))) ? zlib.inflateSync(raw) : raw);
    } catch {
      /* not a deflated stream (images…) */
    }
    at = e + 9;
  }
  return out;
}

const hexToString = (hex: string) => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCodePoint(parseInt(hex.slice(i, i + 4), 16));
  return s;
};

/** The text of a PDF as a string (glyphs mapped through every ToUnicode map; good enough to find words). */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf).map((b) => b.toString('latin1'));
  const maps: Map<string, string>[] = [];
  for (const s of all.filter((x) => x.includes('begincmap'))) {
    const m = new Map<string, string>();
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) m.set(src!.toUpperCase(), hexToString(dst!));
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const a = parseInt(lo!, 16);
        const b = parseInt(hi!, 16);
        const d = parseInt(dst!, 16);
        for (let c = a; c <= b && c - a < 5000; c++) m.set(c.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCodePoint(d + c - a));
      }
    }
    maps.push(m);
  }
  let text = '';
  for (const s of all.filter((x) => /\bT[Jj]\b/.test(x))) {
    for (const [, hex] of s.matchAll(/<([0-9A-Fa-f]+)>/g)) {
      for (let i = 0; i + 4 <= hex!.length; i += 4) {
        const code = hex!.slice(i, i + 4).toUpperCase();
        const ch = maps.map((m) => m.get(code)).find((x) => x !== undefined);
        text += ch ?? '';
      }
    }
    text += '\n';
  }
  return text;
}

/** Number of pages of a PDF. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
