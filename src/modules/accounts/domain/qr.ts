/**
 * QR codes for the TOTP enrolment page, drawn server-side as SVG (the page works without JavaScript).
 * The encoding (ISO/IEC 18004: versions, error correction, masks) is done by the maintained library
 * @paulmillr/qr; this file only draws its module matrix as one SVG path, without inline style (CSP).
 */
import encodeQR from '@paulmillr/qr';

/** The QR symbol's modules (true = dark), error correction level M, without quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  return encodeQR(text, 'raw', { ecc: 'medium', border: 0 });
}

/** SVG of the QR code (with the 4-module quiet zone), dark modules as one path; no inline style. */
export function qrSvg(text: string, label: string): string {
  const m = qrMatrix(text);
  const size = m.length + 8;
  let d = '';
  m.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x + 4} ${y + 4}h1v1h-1z` : '')));
  const esc = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 5}" height="${size * 5}" role="img" aria-label="${esc}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
