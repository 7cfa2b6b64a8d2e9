import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { qrMatrix, qrSvg } from './qr.js';

/** jsQR (devDependency), an independent decoder. */
const jsQR = createRequire(import.meta.url)('jsqr') as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** Rasterise the matrix (quiet zone 4, 4 px per module) and decode it with an independent reader. */
function decode(m: boolean[][]): string | null {
  const scale = 4;
  const n = (m.length + 8) * scale;
  const px = new Uint8ClampedArray(n * n * 4).fill(255);
  m.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * n + (x + 4) * scale + dx) * 4;
          px[i] = px[i + 1] = px[i + 2] = 0;
        }
      }
    }),
  );
  return jsQR(px, n, n)?.data ?? null;
}

describe('QR code (@paulmillr/qr, drawn as SVG)', () => {
  it('encodes otpauth URIs that an independent decoder reads back', () => {
    const uri = 'otpauth://totp/Palermo%3Amaria.rossi%40giustizia.it?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Palermo&algorithm=SHA1&digits=6&period=30';
    assert.equal(decode(qrMatrix(uri)), uri);
  });

  it('round-trips texts of every length that selects versions 1 to 20', () => {
    for (const len of [1, 14, 20, 27, 40, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666]) {
      const text = Array.from({ length: len }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789%&=?:/'[(i * 7) % 43]).join('');
      const m = qrMatrix(text);
      assert.equal(decode(m), text, `length ${len} (version ${(m.length - 17) / 4})`);
    }
  });

  it('draws an SVG whose dark squares decode to the same URI', () => {
    const uri = 'otpauth://totp/Palermo%3A%D0%BC%D0%B0%D1%80%D0%B8%D1%8F%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Palermo';
    const svg = qrSvg(uri, 'QR');
    const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]) - 8;
    const m = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) m[Number(y) - 4]![Number(x) - 4] = true;
    assert.equal(decode(m), uri);
  });

  it('produces SVG without inline style, labelled for assistive technology', () => {
    const svg = qrSvg('otpauth://totp/x', 'QR "code" <x>');
    assert.match(svg, /^<svg [^>]*role="img" aria-label="QR &quot;code&quot; &lt;x>"/);
    assert.ok(!svg.includes('style='));
  });
});
