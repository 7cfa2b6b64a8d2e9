/** Buttons (POST forms) for the workflow transitions a reader may apply to a revision of an authority. */
import { href, type PageContext } from '../../../platform/web/page.js';
import { TransitionForms as WorkflowForms } from '../../workflow/index.js';

/** Archiving and restoring an authority have their own form on its page. */
export const OFFERED = ['submit', 'publish', 'return', 'withdraw', 'discard'];

export function TransitionForms(props: { ctx: PageContext; id: string; revisionId: number; transitions: string[] }) {
  return <WorkflowForms ctx={props.ctx} action={href(props.ctx, `/directory/authorities/${props.id}/transition`)} revisionId={props.revisionId} transitions={props.transitions.filter((t) => OFFERED.includes(t))} />;
}
