/** /{lang}/e-evidence/checklists/{kind}: what a preservation, disclosure or emergency request must contain. */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { CHECKLIST_ITEMS, CHECKLISTS, type ChecklistKind } from '../domain/hub.js';
import type { ProvidersMessageKey } from '../providers.messages.js';
import { Crumbs, provT } from './ui.js';

export function ChecklistPage(props: { ctx: PageContext; kind: ChecklistKind }) {
  const { ctx, kind } = props;
  const t = provT(ctx.lang);
  const title = t(`checklist_${kind}`);
  const items = Array.from({ length: CHECKLIST_ITEMS[kind] }, (_, i) => `cl_${kind}_${i + 1}` as ProvidersMessageKey);
  return (
    <Layout ctx={ctx} title={title} description={t(`cl_${kind}_intro`)} canonical={`/e-evidence/checklists/${kind}`} section="e-evidence">
      <Crumbs ctx={ctx} items={[{ label: title }]} />
      <h1>{title}</h1>
      <p class="lead">{t(`cl_${kind}_intro`)}</p>
      <ol class="checklist">
        {items.map((key) => (
          <li>{t(key)}</li>
        ))}
      </ol>
      <p class="muted">{t(`cl_${kind}_basis`)}</p>
      <nav aria-labelledby="other-checklists">
        <h2 id="other-checklists">{t('checklists_heading')}</h2>
        <ul>
          {CHECKLISTS.filter((k) => k !== kind).map((k) => (
            <li>
              <a href={href(ctx, `/e-evidence/checklists/${k}`)}>{t(`checklist_${k}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </Layout>
  );
}
