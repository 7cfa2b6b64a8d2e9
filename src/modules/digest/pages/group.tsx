/** /{lang}/digest/cooperation/{code}: every case of one type of cooperation in the digest, a page at a time. */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { Pagination } from '../../directory/index.js';
import { entryPath } from '../../knowledge/index.js';
import { UNSPECIFIED, type Digest, type DigestGroup } from '../domain/digest.js';
import { dgT } from '../texts.js';
import { CaseSummary } from './body.js';

/** Cases per page of a type of cooperation; the digest page shows the newest few of each. */
export const GROUP_PAGE_SIZE = 50;
export const CASES_PER_GROUP_ON_DIGEST = 10;

export const groupPath = (g: Pick<DigestGroup, 'key'>) => `/digest/cooperation/${g.key === UNSPECIFIED ? 'unspecified' : g.key}`;

export function GroupPage(props: { ctx: PageContext; digest: Digest; group: DigestGroup; page: number; pages: number }) {
  const { ctx, digest, group, page } = props;
  const t = dgT(ctx.lang);
  const byId = new Map(digest.cases.map((c) => [c.id, c]));
  const ids = group.caseIds.slice((page - 1) * GROUP_PAGE_SIZE, page * GROUP_PAGE_SIZE);
  const title = t('group_title', { group: group.label });
  return (
    <Layout ctx={ctx} title={title} canonical={groupPath(group)} section="cases" demo={digest.demo}>
      <p>
        <a href={href(ctx, '/digest')}>{t('back_to_digest')}</a>
      </p>
      <h1>{title}</h1>
      <p class="dg-total">{t('total', { count: group.count })}</p>
      {ids.map((id) => {
        const c = byId.get(id);
        return c ? <CaseSummary lang={ctx.lang} c={c} href={href(ctx, entryPath('case', id))} level={3} /> : null;
      })}
      <Pagination ctx={ctx} page={page} pages={props.pages} link={(p) => href(ctx, groupPath(group), { page: p > 1 ? p : undefined })} />
    </Layout>
  );
}
