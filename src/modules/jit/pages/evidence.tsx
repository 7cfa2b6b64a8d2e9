/** The evidence log as a table (workspace and document pages): who did what to which document, when, with its SHA-256. */
import { href, type PageContext } from '../../../platform/web/page.js';
import type { DocumentRow, EvidenceRow } from '../repository.js';
import { dateTimeText, jitT } from './ui.js';

export function EvidenceTable(props: { ctx: PageContext; id: string; entries: EvidenceRow[]; documents?: DocumentRow[]; memberName: (id: string) => string }) {
  const { ctx } = props;
  const t = jitT(ctx.lang);
  if (!props.entries.length) return <p>{t('evidence_empty')}</p>;
  const titleOf = (id: string) => props.documents?.find((d) => d.id === id)?.title ?? id;
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table class="jit-table" id={props.id}>
        <caption id={`${props.id}-caption`}>{t('evidence_heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col_when')}</th>
            <th scope="col">{t('col_who')}</th>
            <th scope="col">{t('col_action')}</th>
            {props.documents ? <th scope="col">{t('col_document')}</th> : null}
            <th scope="col">{t('col_sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{dateTimeText(ctx.lang, e.at)}</td>
              <td>
                <span dir="auto">{e.user_name ?? ''}</span>
                {e.authority_id ? <> (<span dir="auto">{props.memberName(e.authority_id)}</span>)</> : null}
              </td>
              <td>{t(`action_${e.action}`)}</td>
              {props.documents ? (
                <td>
                  <a href={href(ctx, `/jit/documents/${e.document_id}`)} dir="auto">{titleOf(e.document_id)}</a>
                </td>
              ) : null}
              <td><code class="jit-hash">{e.sha256}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
