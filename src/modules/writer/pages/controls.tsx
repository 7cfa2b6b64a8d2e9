/** Form controls of the writer's steps: one per question type, labelled, errors beside the field, user text dir="auto". */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { Answers, Question } from '../domain/model.js';
import type { WT } from '../texts.js';

export const fid = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function Err(props: { issues: readonly FieldIssue[]; name: string }) {
  const list = props.issues.filter((i) => i.field === props.name);
  if (!list.length) return null;
  return (
    <span class="field-error" id={`e-${fid(props.name)}`}>
      {list.map((i) => i.message).join('; ')}
    </span>
  );
}

const invalid = (issues: readonly FieldIssue[], name: string) => (issues.some((i) => i.field === name) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `e-${fid(name)}` } : {});

export interface ControlProps {
  q: Question;
  label: string;
  answers: Answers;
  issues: readonly FieldIssue[];
  /** Labels of the choices. */
  optionLabel: (id: string) => string;
  t: WT;
  required: boolean;
  disabled: boolean;
}

export function Control(p: ControlProps) {
  const { q, answers } = p;
  const v = answers[q.id];
  const value = typeof v === 'string' ? v : '';
  const id = fid(q.id);
  if (q.type === 'multi') {
    const chosen = new Set(Array.isArray(v) ? v : value ? [value] : []);
    return (
      <fieldset class="form-row" {...invalid(p.issues, q.id)}>
        <legend>{p.label}</legend>
        <Err issues={p.issues} name={q.id} />
        <input type="hidden" name={q.id} value="" />
        {(q.options ?? []).map((o) => (
          <div class="check">
            <input type="checkbox" id={`${id}-${o}`} name={q.id} value={o} checked={chosen.has(o)} disabled={p.disabled} />
            <label for={`${id}-${o}`}>{p.optionLabel(o)}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  if (q.type === 'yesno') {
    return (
      <fieldset class="form-row" {...invalid(p.issues, q.id)}>
        <legend>{p.label}</legend>
        <Err issues={p.issues} name={q.id} />
        {(['yes', 'no'] as const).map((o) => (
          <span class="check">
            <input type="radio" id={`${id}-${o}`} name={q.id} value={o} checked={value === o} disabled={p.disabled} />
            <label for={`${id}-${o}`}>{p.t(o)}</label>
          </span>
        ))}
      </fieldset>
    );
  }
  const common = { id, name: q.id, disabled: p.disabled, required: p.required, ...invalid(p.issues, q.id) };
  return (
    <div class="form-row">
      <label for={id}>{p.label}</label>
      <Err issues={p.issues} name={q.id} />
      {q.type === 'area' ? (
        <textarea {...common} rows={4} dir="auto" maxLength={20000}>
          {value}
        </textarea>
      ) : q.type === 'choice' ? (
        <select {...common}>
          <option value="">{p.t('choose')}</option>
          {(q.options ?? []).map((o) => (
            <option value={o} selected={value === o}>
              {p.optionLabel(o)}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} {...({ type: q.type === 'date' ? 'date' : 'text' } as { type: 'text' })} value={value} dir="auto" maxLength={q.type === 'date' ? 10 : 2000} />
      )}
    </div>
  );
}
