/** /{lang}/digest: the living digest of cases where UNTOC was the legal basis, with its downloads. */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { entryPath } from '../../knowledge/index.js';
import type { Digest } from '../domain/digest.js';
import { dgT } from '../texts.js';
import { DigestBody } from './body.js';
import { CASES_PER_GROUP_ON_DIGEST, groupPath } from './group.js';

export function DigestPage(props: { ctx: PageContext; digest: Digest }) {
  const { ctx, digest } = props;
  const t = dgT(ctx.lang);
  return (
    <Layout ctx={ctx} title={t('title')} description={t('intro')} canonical="/digest" section="cases" demo={digest.demo}>
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      <nav class="dg-downloads" aria-labelledby="dg-downloads">
        <h2 id="dg-downloads" class="dg-downloads__title">
          {t('downloads')}
        </h2>
        <ul>
          <li>
            <a href={href(ctx, '/digest/digest.pdf')} type="application/pdf" download>
              {t('download_pdf')}
            </a>
          </li>
          <li>
            <a href={href(ctx, '/digest/digest.docx')} type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" download>
              {t('download_docx')}
            </a>
          </li>
        </ul>
      </nav>
      <DigestBody lang={ctx.lang} digest={digest} caseHref={(id) => href(ctx, entryPath('case', id))} perGroup={{ max: CASES_PER_GROUP_ON_DIGEST, href: (g) => href(ctx, groupPath(g)) }} />
    </Layout>
  );
}

/** The digest's card on the portal's home page. */
export function DigestCard(props: { ctx: PageContext }) {
  const t = dgT(props.ctx.lang);
  return (
    <li class="card">
      <h3>
        <a href={href(props.ctx, '/digest')}>{t('home_link')}</a>
      </h3>
      <p>{t('intro')}</p>
    </li>
  );
}
