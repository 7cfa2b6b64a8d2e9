/** Service-provider documents for tests: every field filled, practitioners-only fields carrying recognisable markers. */
import type { ProviderDocument } from '../../src/modules/providers/domain/schema.js';

let seq = 0;

/** Markers that appear only in practitioners-only fields of aProvider(): none may reach a public reader. */
export const PROVIDER_SECRET = {
  emergencyPhone: '+49 30 9999 8877',
  emergencyEmail: 'night-desk@quokka-secret.example',
  portal: 'https://quokka-secret.example/le-portal',
  legalEntity: 'Wombatronic Holdings Ltd',
} as const;

export function aProvider(over: Partial<ProviderDocument> = {}): ProviderDocument {
  seq++;
  return {
    id: `test-prov-${process.pid}-${seq}`,
    names: { en: `Quokka Mail ${seq}`, zh: `短尾矬袋鼠邮件${seq}`, ar: `كوكا ميل ${seq}` },
    country: 'DEU',
    services: ['email', 'cloud_storage'],
    website: 'https://quokka.example',
    legal_entity: PROVIDER_SECRET.legalEntity,
    data: [
      { category: 'subscriber', retention_days: 180 },
      { category: 'content', retention: { en: 'Until the user deletes it' } },
    ],
    requests: { preservation: { portal: PROVIDER_SECRET.portal }, emergency: { email: PROVIDER_SECRET.emergencyEmail } },
    languages: ['de', 'en'],
    emergency_contact: { name: 'Night desk', phone: PROVIDER_SECRET.emergencyPhone, email: PROVIDER_SECRET.emergencyEmail, hours: '24/7' },
    user_notification: { policy: 'notifies_unless_prohibited' },
    content_requires_mla: { value: 'yes' },
    notes: { en: 'Test provider.' },
    visibility: { legal_entity: 'practitioners', data: 'public' },
    ...over,
  };
}
