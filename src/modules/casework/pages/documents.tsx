/**
 * Case documents on pages: the section of the case page (current versions, upload form) and the
 * documents page (every version, and who looked for supervisors). Usable without JavaScript: the
 * upload is a multipart form whose CSRF field comes before the file.
 */
import { INTL_LOCALE, type Lang } from '../../../platform/i18n/languages.js';
import { translator } from '../../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { caseworkDocumentsMessages } from '../casework-documents.messages.js';
import type { AccessView, CaseDocuments, DocumentView } from '../documents-service.js';
import { DOCUMENT_KINDS } from '../domain/vocabulary.js';

const tr = (lang: Lang) => translator(caseworkDocumentsMessages, lang);

/** Path of a document's content (the API route serves pages too: session cookie, same headers). */
export function contentPath(documentId: string): string {
  return `/api/v1/casework/documents/${documentId}/content`;
}

/** Path of the documents page of a case. */
export function documentsPath(caseId: string): string {
  return `/casework/cases/${caseId}/documents`;
}

function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

function size(lang: Lang, bytes: number): string {
  const t = tr(lang);
  return bytes >= 1024 * 1024 ? t('size_mb', { size: Math.round((bytes / 1024 / 1024) * 10) / 10 }) : t('size_kb', { size: Math.max(1, Math.ceil(bytes / 1024)) });
}

/** What went wrong with an upload, for the form. */
export type UploadProblem = { kind: 'too_large' } | { kind: 'type'; detected: string } | { kind: 'conflict' } | { kind: 'fields'; issues: { field: string; message: string }[] };

export interface DocumentsSectionProps {
  ctx: PageContext;
  model: CaseDocuments;
  /** CASEWORK_MAX_UPLOAD_MB, for the form's hint. */
  maxMb: number;
  /** On the case page: current versions only, and a link to the documents page. */
  compact?: boolean;
  /** After an upload: the document added. */
  added?: DocumentView;
  problem?: UploadProblem;
}

/** The documents of a case and the upload form (for the case page, and the top of the documents page). */
export function DocumentsSection(props: DocumentsSectionProps) {
  const { ctx, model } = props;
  const t = tr(ctx.lang);
  const current = model.documents.filter((d) => !d.replacedBy);
  const shown = props.compact ? current : [...model.documents].reverse();
  const trackName = new Map(model.tracks.map((x) => [x.id, x.name]));
  const version = new Map(model.documents.map((d) => [d.id, d.version]));
  return (
    <section id="documents" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('section_title', { count: current.length })}</h2>
      {props.added ? (
        <p class="notice notice--ok" role="status" dir="auto">
          {t('added', { title: props.added.title, version: props.added.version })}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="documents-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col_title')}</th>
                <th scope="col">{t('col_kind')}</th>
                <th scope="col">{t('col_track')}</th>
                <th scope="col">{t('col_version')}</th>
                <th scope="col">{t('col_size')}</th>
                <th scope="col">{t('col_uploaded')}</th>
                {props.compact ? null : <th scope="col">{t('col_sha256')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr>
                  <td>
                    <span dir="auto">{d.title}</span>
                    <br />
                    <a href={contentPath(d.id)} download={d.filename} dir="auto" aria-label={t('download', { filename: d.filename })}>
                      {d.filename}
                    </a>
                  </td>
                  <td>{t(`kind_${d.kind}`)}</td>
                  <td dir="auto">{d.executionId ? (trackName.get(d.executionId) ?? d.executionId) : t('case_itself')}</td>
                  <td>
                    {t('version_n', { version: d.version })}
                    {d.replacedBy ? (
                      <>
                        <br />
                        <span class="muted">{t('replaced_by', { version: version.get(d.replacedBy) ?? '?' })}</span>
                      </>
                    ) : null}
                  </td>
                  <td class="nowrap">{size(ctx.lang, d.byteSize)}</td>
                  <td class="nowrap">{dateTime(ctx.lang, d.uploadedAt)}</td>
                  {props.compact ? null : (
                    <td>
                      <code class="break-all">{d.sha256}</code>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.compact ? (
        <p>
          <a href={href(ctx, documentsPath(model.caseId))}>{t('all_versions')}</a>
        </p>
      ) : null}
      {model.mayUpload || model.tracks.length ? <UploadForm {...props} current={current} /> : null}
    </section>
  );
}

function UploadForm(props: DocumentsSectionProps & { current: DocumentView[] }) {
  const { ctx, model, problem } = props;
  const t = tr(ctx.lang);
  // An executing authority adds to its own track only; the case's authority to the case or any track.
  const replaceable = props.current.filter((d) => model.mayUpload || (d.executionId && model.tracks.some((x) => x.id === d.executionId)));
  const fieldError = (field: string) => (problem?.kind === 'fields' ? problem.issues.find((i) => i.field === field) : undefined);
  return (
    <form method="post" action={href(ctx, documentsPath(model.caseId))} enctype="multipart/form-data" class="dir-form">
      <h3>{t('upload_heading')}</h3>
      {problem ? (
        <div class="error-summary" role="alert" aria-labelledby="upload-errors" tabIndex={-1}>
          <h4 id="upload-errors">{t('error_heading')}</h4>
          <ul>
            {problem.kind === 'too_large' ? <li>{t('error_too_large', { max: props.maxMb })}</li> : null}
            {problem.kind === 'type' ? <li>{t('error_type', { type: problem.detected })}</li> : null}
            {problem.kind === 'conflict' ? <li>{t('error_conflict')}</li> : null}
            {problem.kind === 'fields' ? problem.issues.map((i) => <li dir="auto">{t('error_field', { field: i.field, message: i.message })}</li>) : null}
          </ul>
        </div>
      ) : null}
      {/* The fields come before the file: the server reads them, and checks the token, before the file. */}
      <CsrfField ctx={ctx} />
      <input type="hidden" name="back" value={props.compact ? 'case' : 'documents'} />
      {replaceable.length ? (
        <div class="form-row">
          <label for="doc-replaces">{t('field_replaces')}</label>
          <select id="doc-replaces" name="replaces" aria-describedby="doc-replaces-hint">
            <option value="">{t('new_document')}</option>
            {replaceable.map((d) => (
              <option value={d.id} dir="auto">{`${d.title} (${t('version_n', { version: d.version })})`}</option>
            ))}
          </select>
          <p class="muted" id="doc-replaces-hint">{t('replaces_hint')}</p>
        </div>
      ) : null}
      <div class="form-row">
        <label for="doc-kind">{t('field_kind')}</label>
        <select id="doc-kind" name="kind" aria-invalid={fieldError('kind') ? 'true' : undefined}>
          {replaceable.length ? <option value="">{t('kind_keep')}</option> : null}
          {DOCUMENT_KINDS.map((k) => (
            <option value={k} selected={!replaceable.length && k === (model.mayUpload ? 'request' : 'result')}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="form-row">
        <label for="doc-title">{t('field_title')}</label>
        <input type="text" id="doc-title" name="title" maxLength={300} dir="auto" aria-invalid={fieldError('title') ? 'true' : undefined} />
      </div>
      <div class="form-row">
        <label for="doc-language">{t('field_language')}</label>
        <input type="text" id="doc-language" name="language" maxLength={35} size={8} dir="ltr" aria-describedby="doc-language-hint" aria-invalid={fieldError('language') ? 'true' : undefined} />
        <p class="muted" id="doc-language-hint">{t('language_hint')}</p>
      </div>
      {model.tracks.length ? (
        <div class="form-row">
          <label for="doc-track">{t('field_track')}</label>
          <select id="doc-track" name="execution_id">
            {model.mayUpload ? <option value="">{t('case_itself')}</option> : null}
            {model.tracks.map((x) => (
              <option value={x.id} dir="auto">{x.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="form-row">
        <label for="doc-file">{t('field_file')}</label>
        <input type="file" id="doc-file" name="file" required aria-describedby="doc-file-hint" accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.tif,.tiff,.txt,.eml,.msg" />
        <p class="muted" id="doc-file-hint">{t('file_hint', { max: props.maxMb })}</p>
      </div>
      <button type="submit">{t('upload_button')}</button>
    </form>
  );
}

export interface DocumentsPageProps extends DocumentsSectionProps {
  /** The case's reference, or its title before it has one. */
  reference: string;
  /** Who looked: only for supervisors (undefined otherwise). */
  access?: AccessView[];
}

/** /{lang}/casework/cases/:id/documents: every version, the upload form, and who looked (supervisors). */
export function DocumentsPage(props: DocumentsPageProps) {
  const { ctx } = props;
  const t = tr(ctx.lang);
  const titles = new Map(props.model.documents.map((d) => [d.id, d.title]));
  return (
    <Layout ctx={ctx} title={t('page_title', { reference: props.reference })} section="casework">
      <nav class="breadcrumbs" aria-label={t('back_to_case')}>
        <ol>
          <li>
            <a href={href(ctx, `/casework/cases/${props.model.caseId}`)} dir="auto">
              {t('back_to_case')}
            </a>
          </li>
        </ol>
      </nav>
      <h1 dir="auto">{t('page_title', { reference: props.reference })}</h1>
      <DocumentsSection {...props} compact={false} />
      {props.access ? (
        <section aria-labelledby="access-heading">
          <h2 id="access-heading">{t('access_heading')}</h2>
          <p>{t('access_intro')}</p>
          {props.access.length === 0 ? (
            <p class="muted">{t('access_none')}</p>
          ) : (
            <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="access-heading">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('col_when')}</th>
                    <th scope="col">{t('col_who')}</th>
                    <th scope="col">{t('col_authority')}</th>
                    <th scope="col">{t('col_action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.access.map((a) => (
                    <tr>
                      <td class="nowrap">{dateTime(ctx.lang, a.at)}</td>
                      <td dir="auto">{a.userName ?? t('unknown_user', { id: (a.userId ?? '?').slice(0, 8) })}</td>
                      <td dir="auto">{a.actingAuthorityId ?? ''}</td>
                      <td dir="auto">
                        {a.action === 'download'
                          ? t('action_download', { title: (a.documentId && titles.get(a.documentId)) ?? a.documentId ?? '' })
                          : t(a.action === 'open' ? 'action_open' : 'action_export')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
