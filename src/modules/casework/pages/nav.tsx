/**
 * The casework navigation shown at the top of every casework page: worklist, requests forwarded to
 * the reader's executing authority, notifications, statistics, settings, joint investigation teams
 * (the jit module's pages). A link is shown only where
 * the policy allows its page (access/policy.ts), so no one is led to a 403.
 */
import type { Actor } from '../../access/index.js';
import { scopeOf } from '../../access/index.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { cwT } from './ui.js';

export interface CaseworkNavLinks {
  worklist: boolean;
  forwarded: boolean;
  notifications: boolean;
  statistics: boolean;
  settings: boolean;
  jit: boolean;
}

/** Which casework pages the actor may open (the same actions their routes check). */
export function caseworkNavLinks(actor: Actor): CaseworkNavLinks {
  const some = (a: Parameters<typeof scopeOf>[1]) => scopeOf(actor, a).some;
  const read = some('casework.read');
  return { worklist: read, forwarded: some('casework.execute'), notifications: read, statistics: some('casework.statistics'), settings: some('casework.supervise'), jit: some('jit.read') };
}

const PAGES: [keyof CaseworkNavLinks, string, 'nav_worklist' | 'nav_forwarded' | 'nav_notifications' | 'nav_statistics' | 'nav_settings' | 'nav_jit'][] = [
  ['worklist', '/casework', 'nav_worklist'],
  ['forwarded', '/casework/executions', 'nav_forwarded'],
  ['notifications', '/casework/notifications', 'nav_notifications'],
  ['statistics', '/casework/statistics', 'nav_statistics'],
  ['settings', '/casework/settings', 'nav_settings'],
  ['jit', '/jit', 'nav_jit'],
];

export function CaseworkNav({ ctx, links }: { ctx: PageContext; links: CaseworkNavLinks }) {
  const t = cwT(ctx.lang);
  const shown = PAGES.filter(([k]) => links[k]);
  if (!shown.length) return null;
  const path = ctx.pathAndQuery.split('?')[0];
  // The longest matching path is the current page (/casework/statistics/... is statistics, not the worklist).
  const current = shown.filter(([, p]) => path === p || path?.startsWith(`${p}/`)).sort((a, b) => b[1].length - a[1].length)[0]?.[1];
  return (
    <nav class="cw-nav" aria-label={t('nav_casework')}>
      <ul class="inline-list">
        {shown.map(([, p, key]) => (
          <li>
            <a href={href(ctx, p)} aria-current={p === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
