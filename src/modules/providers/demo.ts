/**
 * Demo service providers: invented companies (no real provider's data), flagged demo (ids
 * "demo-prov-…"), written with the demo corpus and removed with it. Deterministic: a second seed
 * changes nothing. Providers established in a State the database does not hold are skipped.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { checkProvider } from './domain/checks.js';
import type { ProviderDocument } from './domain/schema.js';
import { countryCodes, providerHash, writeLiveProvider } from './live.js';
import { deleteDemoProviders, selectDemoHashes } from './repository.js';

const NOTE = { en: 'Demonstration record: an invented provider; nothing here describes a real company.', fr: 'Fiche de démonstration : fournisseur inventé ; rien ici ne décrit une entreprise réelle.', es: 'Registro de demostración: proveedor inventado; nada aquí describe una empresa real.', ru: 'Демонстрационная запись: вымышленный поставщик; ничто здесь не описывает реальную компанию.', ar: 'سجل تجريبي: مقدم خدمة وهمي؛ لا شيء هنا يصف شركة حقيقية.', zh: '演示记录：虚构的服务提供商；此处内容不描述任何真实公司。' };

const portal = (host: string) => `https://lawenforcement.${host}.example/requests`;

export const DEMO_PROVIDERS: ProviderDocument[] = [
  {
    id: 'demo-prov-nimbusmail',
    names: { en: 'NimbusMail (demo)', fr: 'NimbusMail (démo)', es: 'NimbusMail (demo)', ru: 'NimbusMail (демо)', ar: 'نيمبس ميل (تجريبي)', zh: 'NimbusMail（演示）' },
    country: 'DEU',
    services: ['email', 'cloud_storage'],
    website: 'https://nimbusmail.example',
    legal_entity: 'NimbusMail Demo GmbH (invented)',
    data: [
      { category: 'subscriber', retention_days: 180, retention: { en: 'While the account exists, then 180 days' } },
      { category: 'traffic', retention_days: 90 },
      { category: 'content', retention_days: 30, retention: { en: 'Until the user deletes it; deleted mail is kept 30 days' } },
    ],
    requests: {
      preservation: { portal: portal('nimbusmail'), note: { en: 'Preservation for 90 days, renewable once on request.' } },
      disclosure: { portal: portal('nimbusmail'), email: 'legal@nimbusmail.example' },
      emergency: { email: 'emergency@nimbusmail.example', note: { en: 'Threat to life or serious injury only; give the facts and the urgency.' } },
    },
    languages: ['de', 'en'],
    emergency_contact: { name: 'Demo emergency desk', phone: '+49 30 5550 0101', email: 'emergency@nimbusmail.example', hours: '24/7' },
    user_notification: { policy: 'notifies_unless_prohibited', note: { en: 'The user is told unless a court order or the law forbids it.' } },
    content_requires_mla: { value: 'yes', note: { en: 'Content is disclosed only on an order of a German court, after a mutual legal assistance request.' } },
    notes: NOTE,
  },
  {
    id: 'demo-prov-chirpline',
    names: { en: 'Chirpline (demo)', fr: 'Chirpline (démo)', es: 'Chirpline (demo)', ru: 'Chirpline (демо)', ar: 'تشيربلاين (تجريبي)', zh: 'Chirpline（演示）' },
    country: 'USA',
    services: ['social_network', 'messaging', 'video_sharing'],
    website: 'https://chirpline.example',
    legal_entity: 'Chirpline Demo Inc. (invented)',
    data: [
      { category: 'subscriber', retention_days: 365 },
      { category: 'traffic', retention_days: 180, retention: { en: 'IP logs 180 days' } },
      { category: 'content', retention: { en: 'Until the user deletes it' } },
      { category: 'location', retention_days: 30 },
    ],
    requests: {
      preservation: { portal: portal('chirpline') },
      disclosure: { portal: portal('chirpline'), note: { en: 'Subscriber data may be disclosed voluntarily to foreign authorities; content needs a US court order.' } },
      emergency: { portal: portal('chirpline') },
    },
    languages: ['en'],
    emergency_contact: { name: 'Demo safety team', email: 'safety@chirpline.example', hours: '24/7' },
    user_notification: { policy: 'notifies_unless_prohibited' },
    content_requires_mla: { value: 'yes' },
    notes: NOTE,
    visibility: { data: 'public', requests: 'public' },
  },
  {
    id: 'demo-prov-lianyun',
    names: { en: 'Lianyun Cloud (demo)', zh: '联云（演示）', fr: 'Lianyun Cloud (démo)', es: 'Lianyun Cloud (demo)', ru: 'Ляньюнь Клауд (демо)', ar: 'ليانيون كلاود (تجريبي)' },
    country: 'CHN',
    services: ['cloud_storage', 'hosting', 'messaging'],
    legal_entity: 'Lianyun Demo Technology Co., Ltd. (invented)',
    data: [
      { category: 'subscriber', retention_days: 1095 },
      { category: 'traffic', retention_days: 180 },
    ],
    requests: { disclosure: { address: 'Legal Department (demo)\n1 Demo Road\nDemo City' } },
    languages: ['zh'],
    user_notification: { policy: 'unknown' },
    content_requires_mla: { value: 'yes' },
    notes: NOTE,
    visibility: { data: 'practitioners' },
  },
  {
    id: 'demo-prov-sahelpay',
    names: { en: 'SahelPay (demo)', fr: 'SahelPay (démo)', es: 'SahelPay (demo)', ru: 'SahelPay (демо)', ar: 'ساحل باي (تجريبي)', zh: 'SahelPay（演示）' },
    country: 'SEN',
    services: ['payments', 'mobile_network'],
    legal_entity: 'SahelPay Démo SA (inventée)',
    data: [
      { category: 'subscriber', retention_days: 3650, retention: { en: 'Ten years after the account is closed (anti-money-laundering rules)' } },
      { category: 'payment', retention_days: 3650 },
      { category: 'location', retention_days: 365 },
    ],
    requests: { preservation: { email: 'requisitions@sahelpay.example' }, disclosure: { email: 'requisitions@sahelpay.example' } },
    languages: ['fr', 'en'],
    emergency_contact: { phone: '+221 33 555 01 02', hours: '08:00–20:00 GMT' },
    user_notification: { policy: 'does_not_notify' },
    content_requires_mla: { value: 'no', note: { fr: 'Une réquisition judiciaire sénégalaise suffit.', en: 'A Senegalese judicial requisition is enough.' } },
    notes: NOTE,
  },
  {
    id: 'demo-prov-rasid',
    names: { en: 'Rasid Messenger (demo)', ar: 'راصد ماسنجر (تجريبي)', fr: 'Rasid Messenger (démo)', es: 'Rasid Messenger (demo)', ru: 'Rasid Messenger (демо)', zh: 'Rasid Messenger（演示）' },
    country: 'EGY',
    services: ['messaging', 'voip'],
    legal_entity: 'Rasid Demo Communications S.A.E. (invented)',
    data: [
      { category: 'subscriber', retention_days: 365 },
      { category: 'traffic', retention_days: 90 },
      { category: 'content', retention_days: 0, retention: { en: 'End-to-end encrypted; not kept on servers' } },
    ],
    requests: { disclosure: { email: 'lawful-requests@rasid.example' }, emergency: { email: 'urgent@rasid.example' } },
    languages: ['ar', 'en'],
    emergency_contact: { email: 'urgent@rasid.example', hours: '24/7' },
    user_notification: { policy: 'notifies' },
    content_requires_mla: { value: 'unknown' },
    notes: NOTE,
  },
];

/** Write the demo providers (in the caller's transaction). Returns how many were written or left unchanged. */
export async function seedDemoProviders(db: Kysely<DB>): Promise<{ written: number; unchanged: number }> {
  const [countries, existing] = await Promise.all([countryCodes(db), selectDemoHashes(db)]);
  let written = 0;
  for (const d of DEMO_PROVIDERS) {
    const checked = checkProvider(d, countries);
    if (!checked.ok) continue; // a State this database does not hold
    if (existing.get(d.id) === providerHash({ ...checked.doc, demo: true })) continue;
    await writeLiveProvider(db, checked.doc, { demo: true, verifiedOn: `${new Date().getUTCFullYear()}-01-15` });
    written++;
  }
  return { written, unchanged: DEMO_PROVIDERS.length - written };
}

export async function removeDemoProviders(db: Kysely<DB>): Promise<number> {
  return deleteDemoProviders(db);
}
