/**
 * The document as one HTML page (printed to PDF by Chromium): lang and dir of the document's
 * language, every piece of the drafter's text with dir="auto" (Arabic names in an English request
 * keep their direction). Every value goes through Preact's escaping.
 */
import { renderToString } from 'preact-render-to-string';
import type { DocItem, DocModel } from '../domain/document.js';

const CSS = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.5; color: #111; }
h1 { font-size: 16pt; margin: 0 0 10pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; } h3 { font-size: 11pt; margin: 8pt 0 3pt; }
dl { margin: 0; } dt { font-weight: bold; margin-block-start: 4pt; } dd { margin: 0 0 2pt; margin-inline-start: 0; white-space: pre-line; }
.meta { border-block-end: 1px solid #999; padding-block-end: 6pt; margin-block-end: 8pt; } .clauses p { margin: 4pt 0; }
`;

function Items(props: { items: DocItem[] }) {
  return (
    <dl>
      {props.items.map((i) => (
        <>
          <dt>{i.label}</dt>
          <dd {...(i.userText ? { dir: 'auto' } : {})}>{i.value}</dd>
        </>
      ))}
    </dl>
  );
}

export function documentHtml(m: DocModel): string {
  const body = renderToString(
    <main>
      <h1>{m.title}</h1>
      <div class="meta">
        <Items items={m.meta} />
      </div>
      {m.sections.map((s) => (
        <section>
          <h2>{s.heading}</h2>
          {s.sub?.map((x) => (
            <>
              <h3>{x.heading}</h3>
              <Items items={x.items} />
            </>
          ))}
          <Items items={s.items} />
        </section>
      ))}
      <section class="clauses">
        {m.clauses.map((c) => (
          <p>{c}</p>
        ))}
      </section>
    </main>,
  );
  const title = renderToString(<title>{m.title}</title>);
  return `<!doctype html><html lang="${m.lang}" dir="${m.rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">${title}<style>${CSS}</style></head><body>${body}</body></html>`;
}
