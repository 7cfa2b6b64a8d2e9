/**
 * The digest as a standalone HTML document for headless Chromium to print (PDF): the same content as
 * the page (pages/body.tsx), with its own print style, a cover line and links to the site's pages.
 */
import { renderToString } from 'preact-render-to-string';
import { dirOf, type Lang } from '../../../platform/i18n/languages.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { entryPath } from '../../knowledge/index.js';
import type { Digest } from '../domain/digest.js';
import { DigestBody } from '../pages/body.js';
import { dgT } from '../texts.js';

const CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
h1 { font-size: 20pt; margin: 0 0 8pt; } h2 { font-size: 13pt; margin: 16pt 0 4pt; } h3 { font-size: 11pt; margin: 12pt 0 4pt; } h4 { font-size: 10pt; margin: 8pt 0 2pt; }
a { color: #0b3d91; text-decoration: none; }
table { border-collapse: collapse; inline-size: 100%; margin-block: 4pt; page-break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: start; vertical-align: top; } thead th { background: #eee; }
tr { page-break-inside: avoid; }
.dg-counts__n { white-space: nowrap; inline-size: 45%; } .dg-bar { vertical-align: middle; } .dg-bar__fill { fill: #1f5f8b; }
.dg-case { page-break-inside: avoid; border-block-start: 1px solid #ddd; padding-block: 4pt; }
.dg-case__facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 8pt; margin: 2pt 0; font-size: 9pt; }
.dg-case__facts dt { font-weight: bold; } .dg-case__facts dd { margin: 0; }
.muted { color: #555; } .lead { font-size: 11pt; } .cover { page-break-after: always; }
`;

/** The HTML to print, in the reader's language. */
export function digestHtml(digest: Digest, options: { site: string; now: Date }): string {
  const lang: Lang = digest.lang;
  const t = dgT(lang);
  const body = renderToString(
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{t('title')}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <h1>{t('title')}</h1>
        <p class="lead">{t('intro')}</p>
        <p class="muted">{t('generated', { date: formatDate(lang, options.now), site: options.site })}</p>
        <DigestBody lang={lang} digest={digest} caseHref={(id) => `${options.site}/${lang}${entryPath('case', id)}`} />
      </body>
    </html>,
  );
  return `<!doctype html>${body}`;
}
