/** Canonical case records (casework/domain/record.ts) for import and export tests. */

/** A complete incoming MLA record numbered n, with two persons, two executing authorities and a deadline. */
export function sampleRecord(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reference: `MLI/2024/${String(n).padStart(5, '0')}`,
    direction: 'incoming',
    kind: 'mla',
    state: 'forwarded',
    state_since: '2024-04-02T10:00:00.000Z',
    partner: { country: 'ITA', authority_name: 'Ministero della Giustizia', reference: `RG ${n}/24` },
    title: `Bank records ${n}`,
    summary: 'Funds moved through shell companies.',
    measures: ['taking-evidence', 'documents-records'],
    crime_types: ['money-laundering'],
    urgency: 'urgent',
    urgency_reason: 'Suspect in custody',
    languages: ['it', 'en'],
    channel: 'central_authorities',
    dates: { received_on: '2024-03-01' },
    persons: [
      { role: 'suspect', family_name: 'Rossi', given_names: 'Marco', nationalities: ['ITA'], identity_documents: [{ type: 'passport', number: 'YA1234567', country: 'ITA' }] },
      { role: 'witness', family_name: 'Dupont' },
    ],
    legal_bases: [{ basis: 'untoc', instrument_id: 'untoc', article: '18' }],
    executions: [
      { executing_name: 'Parquet de Paris', body_kind: 'prosecution', state: 'in_execution', forwarded_on: '2024-03-20', due_on: '2024-06-30', state_since: '2024-03-25T09:00:00.000Z' },
      { executing_name: 'Police judiciaire', body_kind: 'police', state: 'forwarded', forwarded_on: '2024-03-21', state_since: '2024-03-21T09:00:00.000Z' },
    ],
    deadlines: [{ kind: 'partner', label: 'Deadline of the requesting State', due_on: '2024-07-01' }],
    ...over,
  };
}
