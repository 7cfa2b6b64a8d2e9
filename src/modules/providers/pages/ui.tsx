/** Shared pieces of the e-evidence hub pages: the catalogue, labels, names, badges, notes. */
import { pickLocalized, type Lang } from '../../../platform/i18n/languages.js';
import { translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { providersMessages } from '../providers.messages.js';

export function provT(lang: Lang) {
  return translator(providersMessages, lang);
}

/** A multilingual text in the reader's language (or the nearest held), marked with its language. */
export function Localized(props: { ctx: PageContext; texts: Record<string, string> | undefined; block?: boolean }) {
  const picked = pickLocalized(props.texts, props.ctx.lang);
  if (!picked) return null;
  const lang = picked.lang === props.ctx.lang ? undefined : picked.lang;
  return props.block ? (
    <p dir="auto" lang={lang} class="pre-line">
      {picked.text}
    </p>
  ) : (
    <span dir="auto" lang={lang}>
      {picked.text}
    </span>
  );
}

export function DemoBadge(props: { ctx: PageContext; demo: boolean }) {
  if (!props.demo) return null;
  return (
    <>
      {' '}
      <span class="badge badge--demo">{translator(common, props.ctx.lang)('demo_badge')}</span>
    </>
  );
}

/** Some fields are for registered practitioners: say so, with the way to become one. */
export function RestrictedNote(props: { ctx: PageContext }) {
  const t = provT(props.ctx.lang);
  return (
    <p class="dir-restricted-note" role="note">
      {t('restricted_note')} <a href={href(props.ctx, props.ctx.viewer ? '/account/practitioner' : '/sign-in', props.ctx.viewer ? {} : { next: props.ctx.pathAndQuery })}>{t('restricted_link')}</a>
    </p>
  );
}

export const providerPath = (id: string) => `/e-evidence/providers/${id}`;

/** The trail back to the hub: the hub, then the given pages; the current page last, unlinked. */
export function Crumbs(props: { ctx: PageContext; items: { label: string; path?: string }[] }) {
  const t = provT(props.ctx.lang);
  const items = [{ label: t('hub_title'), path: '/e-evidence' }, ...props.items];
  return (
    <nav class="breadcrumbs" aria-label={t('breadcrumbs')}>
      <ol>
        {items.map((c) => (
          <li>{c.path ? <a href={href(props.ctx, c.path)}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
