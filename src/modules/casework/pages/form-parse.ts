/** Read the case forms (application/x-www-form-urlencoded) into the shapes the services check. */

type Body = Record<string, unknown>;

const one = (b: Body, k: string): string => {
  const v = b[k];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
};
const many = (b: Body, k: string): string[] => {
  const v = b[k];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
};

const NULLABLE = ['partner_authority_name', 'partner_reference', 'proceeding_authority', 'proceeding_number', 'urgency_reason', 'partner_deadline', 'received_on', 'channel'] as const;
const TEXT = ['kind', 'partner_country', 'title', 'summary', 'offence_text', 'urgency'] as const;

/** The case fields of a form; `forEdit` sends empty optional fields as null (cleared) instead of leaving them out. */
export function caseFieldsFromForm(body: unknown, forEdit: boolean): Body {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const out: Body = {};
  for (const k of TEXT) {
    const v = one(b, k);
    if (v || forEdit) out[k] = v;
  }
  if (forEdit && !out.kind) delete out.kind;
  if (forEdit && !out.urgency) delete out.urgency;
  if (forEdit && !out.partner_country) delete out.partner_country;
  for (const k of NULLABLE) {
    if (!(k in b) && forEdit) continue;
    const v = one(b, k);
    if (v) out[k] = v;
    else if (forEdit) out[k] = null;
  }
  out.measures = many(b, 'measures');
  out.crime_types = many(b, 'crime_types');
  out.confidential = one(b, 'confidential') === 'on' || one(b, 'confidential') === 'true';
  return out;
}

/** A new case: its fields, and one person and one legal basis when given. */
export function createBodyFromForm(body: unknown): Body {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const out = caseFieldsFromForm(b, false);
  const family = one(b, 'persons.0.family_name');
  if (family || one(b, 'persons.0.given_names')) {
    out.persons = [{ role: one(b, 'persons.0.role') || 'other', family_name: family, ...(one(b, 'persons.0.given_names') ? { given_names: one(b, 'persons.0.given_names') } : {}) }];
  }
  const basis = one(b, 'legal_bases.0.basis');
  if (basis) out.legal_bases = [{ basis, ...(one(b, 'legal_bases.0.article') ? { article: one(b, 'legal_bases.0.article') } : {}) }];
  if (one(b, 'authority_id')) out.authority_id = one(b, 'authority_id');
  return out;
}

/** The version the form was rendered with (hidden field), if a whole number. */
export function formVersion(body: unknown): number | undefined {
  const v = one((body && typeof body === 'object' ? body : {}) as Body, 'version');
  return /^\d{1,9}$/.test(v) && Number(v) >= 1 ? Number(v) : undefined;
}

/** A transition form: the names the service reads, grounds as a list. */
export function transitionFromForm(body: unknown): Body {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const out: Body = { transition: one(b, 'transition'), grounds: many(b, 'grounds') };
  for (const k of ['comment', 'date', 'channel', 'until', 'outcome', 'version']) if (one(b, k)) out[k] = one(b, k);
  if (!(out.grounds as string[]).length) delete out.grounds;
  return out;
}
