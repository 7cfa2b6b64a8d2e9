/** Buttons (POST forms) for the workflow transitions a reader may apply to a revision. */
import { CsrfField } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { edT } from './ui.js';

const NEEDS_COMMENT = new Set(['return', 'archive']);
const ORDER = ['submit', 'publish', 'return', 'withdraw', 'discard'];

export function TransitionForms(props: { ctx: PageContext; id: string; revisionId: number; transitions: string[] }) {
  const { ctx } = props;
  const e = edT(ctx.lang);
  const list = ORDER.filter((x) => props.transitions.includes(x));
  if (!list.length) return null;
  return (
    <div class="dir-transitions">
      {list.map((name) => (
        <form method="post" action={href(ctx, `/directory/authorities/${props.id}/transition`)} class="dir-transition-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="revision" value={String(props.revisionId)} />
          <input type="hidden" name="transition" value={name} />
          {NEEDS_COMMENT.has(name) ? (
            <>
              <label for={`c-${name}-${props.revisionId}`}>{e('comment_required')}</label>
              <input type="text" id={`c-${name}-${props.revisionId}`} name="comment" maxLength={4000} required />
            </>
          ) : null}
          <button type="submit" class={name === 'publish' || name === 'submit' ? '' : 'secondary'}>
            {e(name as 'submit')}
          </button>
        </form>
      ))}
    </div>
  );
}
