/**
 * Kinds of cooperation the legal basis finder answers for: the kinds of request of casework
 * (casework/domain/vocabulary.ts CASE_KINDS without "other"; the same strings, so that the request
 * writer passes a case's kind as it is; test/service/legal-basis.test.ts checks they stay equal),
 * and for each kind the articles of the shipped instruments that govern it and the directory
 * function that answers it.
 */
export const LEGAL_BASIS_KINDS = [
  'mla',
  'extradition',
  'provisional_arrest',
  'transfer_sentenced',
  'transfer_proceedings',
  'confiscation',
  'joint_investigation',
  'videoconference',
  'service_documents',
  'spontaneous_information',
] as const;
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

export function isLegalBasisKind(value: unknown): value is LegalBasisKind {
  return typeof value === 'string' && (LEGAL_BASIS_KINDS as readonly string[]).includes(value);
}

/** Extradition and provisional arrest (UNTOC art. 16; the Convention as a basis, 16(4)–(5)). */
export function isExtradition(kind: LegalBasisKind): boolean {
  return kind === 'extradition' || kind === 'provisional_arrest';
}

/** Kinds under the mutual legal assistance articles (UNTOC art. 18, UNCAC art. 46). */
export function isMutualAssistance(kind: LegalBasisKind): boolean {
  return kind === 'mla' || kind === 'videoconference' || kind === 'service_documents' || kind === 'spontaneous_information';
}

/** Instrument id → kind → the articles that govern it (absent: the instrument does not provide for it). */
export const GOVERNING_ARTICLES: Readonly<Record<string, Partial<Record<LegalBasisKind, readonly string[]>>>> = {
  untoc: {
    mla: ['18'],
    extradition: ['16'],
    provisional_arrest: ['16'],
    transfer_sentenced: ['17'],
    transfer_proceedings: ['21'],
    confiscation: ['12', '13', '14'],
    joint_investigation: ['19'],
    videoconference: ['18'],
    service_documents: ['18'],
    spontaneous_information: ['18'],
  },
  uncac: {
    mla: ['46'],
    extradition: ['44'],
    provisional_arrest: ['44'],
    transfer_sentenced: ['45'],
    transfer_proceedings: ['47'],
    confiscation: ['54', '55', '57'],
    joint_investigation: ['49'],
    videoconference: ['46'],
    service_documents: ['46'],
    spontaneous_information: ['46'],
  },
  'coe-mla': { mla: ['1'], videoconference: ['1'], service_documents: ['7'], spontaneous_information: ['1'], transfer_proceedings: ['21'] },
  'coe-extradition': { extradition: ['1'], provisional_arrest: ['16'] },
  'coe-cybercrime': { mla: ['25'], extradition: ['24'], provisional_arrest: ['24'], spontaneous_information: ['26'] },
};

/** The Protocols apply to their offences together with the Convention (Protocol art. 1): relevant, after it. */
export const PROTOCOLS: ReadonlySet<string> = new Set(['untoc-tip', 'untoc-som', 'untoc-firearms']);

/** The directory function that answers a kind of request (docs/DIRECTORY.md "Lookup rules"). */
export function directoryFunction(kind: LegalBasisKind): string {
  if (isExtradition(kind)) return 'extradition';
  if (kind === 'transfer_sentenced') return 'transfer-sentenced-persons';
  if (kind === 'confiscation') return 'confiscation';
  return 'mla';
}

/** The directory measure (taxonomy "measure") of a kind, when there is one. */
export function directoryMeasure(kind: LegalBasisKind): string | undefined {
  if (kind === 'videoconference') return 'video-hearing';
  if (kind === 'service_documents') return 'service-of-documents';
  if (kind === 'confiscation') return 'tracing-proceeds';
  return undefined;
}
