/** The legal basis in the directory's "which authority" answer, when the reader names the requesting State. */
import { ValidationError } from '../../platform/http/errors.js';
import { href } from '../../platform/web/page.js';
import { provideLookupSupplement, type LookupSupplement } from '../directory/index.js';
import { listCountries } from '../reference/index.js';
import type { LegalBasisKind } from './domain/kinds.js';
import { LegalBasisAnswer, lbT } from './pages/answer.js';
import { findLegalBasis } from './service.js';

/** The directory's request (function or measure code) → the finder's kind. */
export function kindOfRequest(request: string): LegalBasisKind {
  switch (request) {
    case 'extradition':
      return 'extradition';
    case 'transfer-sentenced-persons':
      return 'transfer_sentenced';
    case 'confiscation':
    case 'tracing-proceeds':
      return 'confiscation';
    case 'video-hearing':
      return 'videoconference';
    case 'service-of-documents':
      return 'service_documents';
    default:
      return 'mla';
  }
}

const supplement: LookupSupplement = async (db, actor, ctx, input) => {
  const kind = kindOfRequest(input.request);
  try {
    const [basis, countries] = await Promise.all([findLegalBasis(db, { from: input.from, to: input.to, kind, ...(input.on ? { on: input.on } : {}) }, actor), listCountries(db)]);
    const t = lbT(ctx.lang);
    return {
      node: (
        <section class="legal-basis legal-basis--lookup" aria-labelledby="lookup-basis-heading">
          <h2 id="lookup-basis-heading">{t('lookup_heading')}</h2>
          <LegalBasisAnswer ctx={ctx} basis={basis} countries={countries} compact />
          <p>
            <a href={href(ctx, '/legal-basis', { from: basis.from, to: basis.to, kind, ...(input.on ? { on: input.on } : {}) })}>{t('lookup_more')}</a>
          </p>
        </section>
      ),
    };
  } catch (err) {
    if (err instanceof ValidationError) return { issues: (err.issues ?? []).filter((i) => i.field === 'from' || i.field === 'on') };
    throw err;
  }
};

export function provideLegalBasisToLookup(): void {
  provideLookupSupplement(supplement);
}
