import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** public/ at the package root: the stylesheet and the small JavaScript islands, served under /assets/. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

interface Asset {
  body: Buffer;
  hash: string;
  type: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

let assets: Map<string, Asset> | undefined;

function add(map: Map<string, Asset>, name: string, body: Buffer, type: string): void {
  map.set(name, { body, type, hash: crypto.createHash('sha256').update(body).digest('hex').slice(0, 12) });
}

/**
 * Files directly in public/ are served as they are. The stylesheet palermo.css is the
 * concatenation of public/css/*.css in name order: each module owns one file there.
 */
function load(): Map<string, Asset> {
  if (assets) return assets;
  const map = new Map<string, Asset>();
  for (const name of fs.readdirSync(PUBLIC_DIR)) {
    const type = TYPES[path.extname(name)];
    if (!type || !fs.statSync(path.join(PUBLIC_DIR, name)).isFile()) continue;
    add(map, name, fs.readFileSync(path.join(PUBLIC_DIR, name)), type);
  }
  const cssDir = path.join(PUBLIC_DIR, 'css');
  const parts = fs
    .readdirSync(cssDir)
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => `/* ${f} */\n${fs.readFileSync(path.join(cssDir, f), 'utf8')}`);
  add(map, 'palermo.css', Buffer.from(parts.join('\n')), TYPES['.css']!);
  assets = map;
  return map;
}

export function getAsset(name: string): Asset | undefined {
  return load().get(name);
}

/** URL of an asset with its content hash, so it can be cached forever. */
export function assetUrl(name: string): string {
  const asset = load().get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}
