/** /{lang}/jit/documents/{id}: a shared document's details (this visit is logged as a view) and its own evidence log. */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { DocumentRow, EvidenceRow } from '../repository.js';
import { EvidenceTable } from './evidence.js';
import { dateTimeText, Field, jitT } from './ui.js';
import { contentPath } from './workspace.js';

export function DocumentPage(props: { ctx: PageContext; teamId: string; teamTitle: string; document: DocumentRow; evidence: EvidenceRow[]; versions: DocumentRow[]; mayAddVersion: boolean; maxMb: number; memberName: (id: string) => string }) {
  const { ctx, document: d } = props;
  const t = jitT(ctx.lang);
  return (
    <Layout ctx={ctx} title={d.title} section="casework">
      <p>
        <a href={href(ctx, `/jit/${props.teamId}`) + '#documents'} dir="auto">{props.teamTitle}</a>
      </p>
      <h1 dir="auto">{d.title}</h1>
      <dl class="jit-facts">
        <dt>{t('col_uploaded')}</dt>
        <dd>
          <span dir="auto">{d.uploaded_by_name ?? ''}</span> (<span dir="auto">{props.memberName(d.authority_id)}</span>), {dateTimeText(ctx.lang, d.uploaded_at)}
        </dd>
        <dt>{t('col_size')}</dt>
        <dd>{t('bytes', { n: d.byte_size })}</dd>
        <dt>{t('col_sha256')}</dt>
        <dd><code class="jit-hash">{d.sha256}</code></dd>
        <dt>{t('col_version')}</dt>
        <dd>
          {d.version}
          {d.replaced_by ? (
            <>
              {' '}
              <a href={href(ctx, `/jit/documents/${d.replaced_by}`)}>{t('version_replaced')}</a>
            </>
          ) : null}
        </dd>
      </dl>
      <p>
        <a href={contentPath(d.id)} class="button" dir="auto">{t('download')}: {d.filename}</a>
      </p>
      {props.versions.length > 1 ? (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">{t('versions_heading')}</h2>
          <ol class="jit-versions">
            {props.versions.map((v) => (
              <li>
                {v.id === d.id ? <strong>{t('col_version')} {v.version}</strong> : <a href={href(ctx, `/jit/documents/${v.id}`)}>{t('col_version')} {v.version}</a>}{' '}
                {v.replaced_by ? null : <span class="muted">({t('version_current')})</span>} <span dir="auto">{v.uploaded_by_name ?? ''}</span>, {dateTimeText(ctx.lang, v.uploaded_at)} <code class="jit-hash">{v.sha256}</code>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {props.mayAddVersion ? (
        <form method="post" action={href(ctx, `/jit/${props.teamId}/documents`)} enctype="multipart/form-data" class="dir-form">
          <h2>{t('new_version_heading')}</h2>
          {/* The fields come before the file: the server checks the token before reading the file. */}
          <CsrfField ctx={ctx} />
          <input type="hidden" name="replaces" value={d.id} />
          <Field id="v-title" name="title" label={t('col_document')} issues={[]} value={d.title} maxLength={300} />
          <Field id="v-file" name="file" label={t('f_file', { mb: props.maxMb })} issues={[]}>
            <input id="v-file" name="file" type="file" required />
          </Field>
          <button type="submit">{t('new_version_submit')}</button>
        </form>
      ) : null}
      <h2>{t('evidence_heading')}</h2>
      <EvidenceTable ctx={ctx} id="jit-doc-evidence" entries={props.evidence} memberName={props.memberName} />
    </Layout>
  );
}
