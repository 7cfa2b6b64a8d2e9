/** The competent authorities of a State, for its country profile (portal). */
import { href, type PageContext } from '../../../platform/web/page.js';
import type { AuthorityView } from '../service.js';
import { AuthorityName, Badges, dirT, fnLabel } from './ui.js';

export function CountryAuthorities(props: { ctx: PageContext; iso3: string; authorities: AuthorityView[] }) {
  const { ctx } = props;
  const t = dirT(ctx.lang);
  return (
    <section aria-labelledby="authorities-heading">
      <h2 id="authorities-heading">{t('country_authorities')}</h2>
      {props.authorities.length ? (
        <ul class="results">
          {props.authorities.map((a) => (
            <li class="result">
              <h3>
                <a href={href(ctx, `/directory/authorities/${a.doc.id}`)}>
                  <AuthorityName ctx={ctx} names={a.doc.names} />
                </a>{' '}
                <Badges ctx={ctx} demo={a.demo} stale={a.stale} />
              </h3>
              <ul class="dir-functions">
                {a.doc.functions.map((f) => (
                  <li>{fnLabel(ctx.lang, f.code)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('country_authorities_none')}</p>
      )}
      <p>
        <a href={href(ctx, '/directory', { country: props.iso3 })}>{t('country_authorities_all')}</a> · <a href={href(ctx, '/directory/lookup', { state: props.iso3 })}>{t('lookup_link')}</a>
      </p>
    </section>
  );
}
