/** /{lang}/jit/documents/{id}: a shared document's details (this visit is logged as a view) and its own evidence log. */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { DocumentRow, EvidenceRow } from '../repository.js';
import { EvidenceTable } from './evidence.js';
import { dateTimeText, jitT } from './ui.js';
import { contentPath } from './workspace.js';

export function DocumentPage(props: { ctx: PageContext; teamId: string; teamTitle: string; document: DocumentRow; evidence: EvidenceRow[]; memberName: (id: string) => string }) {
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
      </dl>
      <p>
        <a href={contentPath(d.id)} class="button" dir="auto">{t('download')}: {d.filename}</a>
      </p>
      <h2>{t('evidence_heading')}</h2>
      <EvidenceTable ctx={ctx} id="jit-doc-evidence" entries={props.evidence} memberName={props.memberName} />
    </Layout>
  );
}
