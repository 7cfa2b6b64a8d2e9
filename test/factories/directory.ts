/** Authority documents for tests: every field filled, restricted fields carrying recognisable markers. */
import type { AuthorityDocument } from '../../src/modules/directory/domain/schema.js';

let seq = 0;

/** Markers that appear only in practitioners-only fields of anAuthority(): none may reach a public reader. */
export const SECRET = {
  contact: 'Zebulon Quillfeather',
  contactEmail: 'zebulon.quillfeather@secret.example',
  directLine: '+33 1 99 88 77 66',
  requirement: 'Xylophonic sworn affidavit',
  preservation: 'Quetzalcoatl preservation clause',
} as const;

export function anAuthority(over: Partial<AuthorityDocument> = {}): AuthorityDocument {
  seq++;
  const country = over.country ?? 'FRA';
  return {
    id: `test-auth-${country.toLowerCase()}-${process.pid}-${seq}`,
    country,
    names: { fr: `Bureau de l’entraide pénale ${seq}`, en: `Office for Mutual Legal Assistance ${seq}`, zh: `司法协助办公室${seq}`, ar: `مكتب المساعدة القانونية ${seq}` },
    functions: [
      { code: 'mla', articles: ['untoc:18'] },
      { code: 'extradition', articles: ['untoc:16'] },
    ],
    address: '13 place Vendôme\n75001 Paris',
    phones: [{ number: '+33 1 44 77 61 15', label: 'Switchboard' }],
    direct_lines: [{ number: SECRET.directLine, label: 'Duty officer' }],
    emails: [{ address: 'entraide@justice.example' }],
    website: 'https://www.justice.example/entraide',
    contacts: [{ name: SECRET.contact, title: 'Head of office', email: SECRET.contactEmail, phone: '+33 1 44 77 61 16', languages: ['fr', 'en'] }],
    hours: { time_zone: 'Europe/Paris', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:30' })), exceptions: [{ date: '2030-12-25', closed: true, note: 'Christmas' }] },
    languages: ['fr', 'en'],
    channels: ['direct', 'diplomatic', 'electronic'],
    electronic_requests: 'urgent_only',
    urgent_procedure: { en: 'Send the request by e-mail and confirm in writing within 30 days.', fr: 'Adresser la demande par courriel et la confirmer par écrit sous 30 jours.' },
    untoc_extradition_basis: { value: 'yes', note: { en: 'On the basis of reciprocity.' } },
    requirements: [
      { measure: 'taking-evidence', status: 'conditions', conditions: { en: SECRET.requirement } },
      { measure: 'search-seizure-freezing', status: 'applicable' },
      { measure: 'interception-content-data', status: 'not_applicable' },
    ],
    e_evidence: { preservation: { en: SECRET.preservation }, disclosure: { en: 'A production order of a judge is needed.' } },
    notes: { en: 'Public notes about the office.' },
    visibility: { requirements: 'practitioners', e_evidence: 'practitioners' },
    ...over,
  };
}
