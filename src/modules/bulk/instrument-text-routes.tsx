/**
 * /{lang}/instrument-texts: curators upload an authentic language version of a shipped instrument
 * (Markdown or Akoma Ntoso; the reference module's import, as `palermo import-instrument-text`).
 * Two steps: "Check the file" runs every check and shows the articles found (a dry run; problems name
 * their line, nothing is written), then "Import this text" sends back exactly the checked text, which
 * the import checks again and stores, audited. Multipart (@fastify/multipart): the CSRF field comes
 * first and is checked before the file is read; the file is at most MAX_TEXT_BYTES (413 beyond).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { readText, receiveMultipart } from '../../platform/http/multipart.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../platform/web/layout.js';
import { href, pageContext, sendPage, type PageContext } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { assertAllowedSomewhere } from '../access/index.js';
import { assertFormToken } from '../accounts/index.js';
import { auditContext } from '../audit/index.js';
import { entryPath } from '../knowledge/index.js';
import { importInstrumentText, instrumentShortName, previewInstrumentText, shippedInstrumentIds, type ImportTextResult, type TextPreview } from '../reference/index.js';
import { textsMessages } from './texts.messages.js';

/** Largest file: the import's own limit (5 MB of UTF-8). */
const MAX_BYTES = 5_000_000;
const LANGS_OFFERED = ['ar', 'zh', 'fr', 'es', 'ru'] as const;
const LIST_SEPARATOR: Partial<Record<Lang, string>> = { ar: '، ', zh: '、' };

interface Form {
  instrument: string;
  lang: string;
  source: string;
}

type Issue = { field: string; message: string; line?: number | undefined };

const languageName = (code: string, lang: Lang) => new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
const nameOf = (id: string, lang: Lang) => instrumentShortName(id, lang) ?? id;

function Fields(props: { ctx: PageContext; form: Form }) {
  const { ctx, form } = props;
  const t = translator(textsMessages, ctx.lang);
  return (
    <>
      <div class="form-row">
        <label for="f-instrument">{t('texts_instrument')}</label>
        <select id="f-instrument" name="instrument" required>
          {shippedInstrumentIds().map((id) => (
            <option value={id} selected={form.instrument === id}>
              {nameOf(id, ctx.lang)}
            </option>
          ))}
        </select>
      </div>
      <div class="form-row">
        <label for="f-lang">{t('texts_lang')}</label>
        <select id="f-lang" name="lang" required>
          {LANGS_OFFERED.map((l) => (
            <option value={l} selected={form.lang === l}>
              {languageName(l, ctx.lang)}
            </option>
          ))}
        </select>
      </div>
      <div class="form-row">
        <label for="f-source">{t('texts_source')}</label>
        <input type="text" id="f-source" name="source" value={form.source} maxLength={500} dir="auto" aria-describedby="f-source-help" />
        <p class="hint" id="f-source-help">
          {t('texts_source_help', { example: 'UNTC, A/RES/55/25' })}
        </p>
      </div>
    </>
  );
}

function Preview(props: { ctx: PageContext; preview: TextPreview; content: string }) {
  const { ctx, preview } = props;
  const t = translator(textsMessages, ctx.lang);
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('texts_preview_heading')}</h2>
      <p role="status">{t('texts_preview_summary', { count: preview.articles.length, instrument: nameOf(preview.instrument, ctx.lang), language: languageName(preview.lang, ctx.lang), format: preview.format === 'akn' ? 'Akoma Ntoso' : 'Markdown' })}</p>
      {preview.missing.length ? <p>{t('texts_missing', { list: preview.missing.join(LIST_SEPARATOR[ctx.lang] ?? ', ') })}</p> : null}
      <p class="hint">{t('texts_sha', { sha: preview.sha256 })}</p>
      <div class="table-scroll">
        <table class="instrument-text-preview">
          <thead>
            <tr>
              <th scope="col">{t('texts_col_article')}</th>
              <th scope="col">{t('texts_col_heading')}</th>
              <th scope="col">{t('texts_col_text')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.articles.map((a) => (
              <tr>
                <th scope="row">{a.number}</th>
                <td lang={preview.lang} dir="auto">
                  {a.title ?? '—'}
                </td>
                <td lang={preview.lang} dir="auto">
                  {a.text.length > 160 ? `${a.text.slice(0, 160)}…` : a.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* The checked text itself goes back with the import: what is imported is what was shown. */}
      <form method="post" action={href(ctx, '/instrument-texts')} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="step" value="import" />
        <input type="hidden" name="instrument" value={preview.instrument} />
        <input type="hidden" name="lang" value={preview.lang} />
        <input type="hidden" name="source" value={preview.source} />
        <input type="hidden" name="content" value={props.content} />
        <button type="submit">{t('texts_import')}</button>
      </form>
      <p>
        <a href={href(ctx, '/instrument-texts')}>{t('texts_again')}</a>
      </p>
    </section>
  );
}

function TextImportPage(props: { ctx: PageContext; form: Form; issues?: Issue[]; preview?: { preview: TextPreview; content: string }; done?: ImportTextResult }) {
  const { ctx } = props;
  const t = translator(textsMessages, ctx.lang);
  return (
    <Layout ctx={ctx} title={t('texts_title')} section="treaties">
      <h1>{t('texts_title')}</h1>
      <p>{t('texts_intro')}</p>
      {props.done ? (
        <p class="dir-done" role="status">
          {t('texts_done', { count: props.done.articles, instrument: nameOf(props.done.instrument, ctx.lang), language: languageName(props.done.lang, ctx.lang) })}{' '}
          <a href={href(ctx, entryPath('treaty', props.done.instrument))}>{t('texts_view')}</a>
        </p>
      ) : null}
      {props.issues?.length ? (
        <div class="error-summary" role="alert" aria-labelledby="text-errors" tabIndex={-1}>
          <h2 id="text-errors">{t('texts_errors', { count: props.issues.length })}</h2>
          <ul>
            {props.issues.slice(0, 200).map((i) => (
              <li>
                {i.line ? t('texts_line', { line: i.line }) : `${i.field}:`}{' '}
                {/* The checks' messages are in English. */}
                <span lang="en" dir="ltr">
                  {i.message}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.preview ? (
        <Preview ctx={ctx} preview={props.preview.preview} content={props.preview.content} />
      ) : (
        <form method="post" action={href(ctx, '/instrument-texts')} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="step" value="preview" />
          <Fields ctx={ctx} form={props.form} />
          <div class="form-row">
            <label for="f-file">{t('texts_file')}</label>
            <input type="file" id="f-file" name="file" accept=".md,.markdown,.txt,.xml,.akn,text/markdown,text/plain,application/xml,text/xml" required />
          </div>
          <button type="submit">{t('texts_check')}</button>
        </form>
      )}
    </Layout>
  );
}

/** The form's fields and text: the uploaded file (step "preview") or the checked text sent back (step "import"). */
async function readForm(app: Parameters<RoutePlugin>[0], request: FastifyRequest): Promise<{ step: string; form: Form; content?: string; filename?: string }> {
  let filename: string | undefined;
  const { fields, file } = await receiveMultipart(
    request,
    { fields: ['step', 'instrument', 'lang', 'source', 'content'], maxBytes: MAX_BYTES, checkToken: (f) => assertFormToken(app, request, f._csrf) },
    (part) => {
      filename = part.filename ?? undefined;
      return readText(part.stream);
    },
  );
  const content = fields.step === 'import' && fields.content !== undefined ? fields.content : (file ?? undefined);
  return { step: fields.step ?? 'preview', form: { instrument: fields.instrument ?? '', lang: fields.lang ?? '', source: (fields.source ?? '').trim() }, ...(content !== undefined ? { content } : {}), ...(filename ? { filename } : {}) };
}

export const instrumentTextRoutes: RoutePlugin = pageRoutes(async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 10, fieldSize: MAX_BYTES * 2, parts: 12, headerPairs: 50 } });

  app.get('/instrument-texts', { schema: { hide: true } }, async (request, reply) => {
    assertAllowedSomewhere(request.actor, 'reference.import_text');
    reply.header('cache-control', 'private, no-store');
    const ctx = pageContext(request);
    // ?instrument= and ?lang= preselect the form (the treaty page's link for curators); the fields are checked when posted.
    const query = request.query as { instrument?: unknown; lang?: unknown };
    const pick = (v: unknown, fallback: string) => (typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v) ? v : fallback);
    const form = { instrument: pick(query.instrument, 'untoc'), lang: pick(query.lang, ctx.lang === 'en' ? 'fr' : ctx.lang), source: '' };
    return sendPage(reply, <TextImportPage ctx={ctx} form={form} />);
  });

  app.post('/instrument-texts', { schema: { hide: true }, config: { csrfInMultipart: true } }, async (request, reply) => {
    assertAllowedSomewhere(request.actor, 'reference.import_text');
    reply.header('cache-control', 'private, no-store');
    const ctx = pageContext(request);
    const read = await readForm(app, request);
    const { form, content } = read;
    const input = { instrument: form.instrument, lang: form.lang, source: form.source || read.filename || '', content: content ?? '' };
    try {
      if (content === undefined || (!content.trim() && read.step !== 'import')) throw new ValidationError([{ field: 'file', message: 'choose a Markdown or Akoma Ntoso file' }]);
      if (read.step === 'import') {
        const done = await importInstrumentText(app.db, { ...input, ctx: auditContext(request) });
        return sendPage(reply, <TextImportPage ctx={ctx} form={form} done={done} />);
      }
      const preview = previewInstrumentText(input);
      return sendPage(reply, <TextImportPage ctx={ctx} form={form} preview={{ preview, content: input.content }} />);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, <TextImportPage ctx={ctx} form={form} issues={err.issues ?? []} />, 400);
    }
  });
});

