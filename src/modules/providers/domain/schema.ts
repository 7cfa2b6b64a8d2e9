/**
 * The canonical service-provider document of the electronic evidence hub: one JSON shape for the
 * API, the workflow revisions and the demo seed. Field names are snake_case; multilingual texts are
 * `{ "<BCP 47 tag>": "text" }`. See docs/E-EVIDENCE.md.
 */
import { Type, type Static } from 'typebox';
import { CountryCodeSchema, DateSchema, EntryIdSchema, LangTagSchema, UrlSchema } from '../../knowledge/index.js';
import { EmailSchema, Multilingual, PhoneNumberSchema } from '../../directory/index.js';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const SERVICES = ['email', 'messaging', 'social_network', 'cloud_storage', 'hosting', 'search', 'voip', 'video_sharing', 'marketplace', 'payments', 'mobile_network', 'internet_access', 'domain_registry', 'gaming', 'other'] as const;
export type Service = (typeof SERVICES)[number];
/** Categories of data (Budapest Convention art. 1(d), 18(3); Second Additional Protocol arts. 6–7). */
export const DATA_CATEGORIES = ['subscriber', 'traffic', 'content', 'location', 'payment', 'device'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const REQUEST_KINDS = ['preservation', 'disclosure', 'emergency'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const NOTIFICATION_POLICIES = ['notifies', 'notifies_unless_prohibited', 'does_not_notify', 'unknown'] as const;
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

/** Fields whose visibility the curator sets; names, country, services and website are always public. */
export const VISIBILITY_FIELDS = ['legal_entity', 'data', 'requests', 'languages', 'user_notification', 'content_requires_mla', 'notes'] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];
export const VISIBILITIES = ['public', 'practitioners'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** How to send each kind of request is for practitioners unless the curator opens it. */
export const DEFAULT_RESTRICTED: ReadonlySet<VisibilityField> = new Set(['requests']);

export const DataHeldSchema = Type.Object(
  {
    category: Type.Enum([...DATA_CATEGORIES], { description: `Category of data: ${DATA_CATEGORIES.join(', ')}` }),
    retention_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 36_500, description: 'How long the data is kept, in days (0 = not kept)' })),
    retention: Type.Optional(Multilingual(2000, 'How long the data is kept, in words (e.g. "while the account exists, then 90 days")')),
  },
  { additionalProperties: false },
);

export const ChannelSchema = Type.Object(
  {
    portal: Type.Optional({ ...UrlSchema, description: 'Law-enforcement request portal' }),
    email: Type.Optional(EmailSchema),
    address: Type.Optional(Text(1000, 'Postal address (several lines)')),
    note: Type.Optional(Multilingual(4000, 'Conditions: who may send, legal process required, form to use')),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const EmergencyContactSchema = Type.Object(
  {
    name: Type.Optional(Text(300, 'Team or person')),
    phone: Type.Optional(PhoneNumberSchema),
    email: Type.Optional(EmailSchema),
    hours: Type.Optional(Text(300, 'When it answers (e.g. "24/7")')),
  },
  { additionalProperties: false, minProperties: 1, description: 'Emergency contact: always restricted to registered practitioners' },
);

const V = () => Type.Optional(Type.Enum([...VISIBILITIES]));
export const VisibilitySchema = Type.Object(
  Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, V()])) as Record<VisibilityField, ReturnType<typeof V>>,
  { additionalProperties: false, description: 'Per field: public, or practitioners (registered practitioners only). Default: requests practitioners, others public. The emergency contact is always practitioners only' },
);

export const ProviderDocumentSchema = Type.Object(
  {
    id: EntryIdSchema,
    names: Type.Record(LangTagSchema, Text(300), { minProperties: 1, maxProperties: 30, additionalProperties: false, description: 'Name by BCP 47 language tag' }),
    country: { ...CountryCodeSchema, description: 'State where the legal entity is established (ISO 3166-1 alpha-3)' },
    services: Type.Array(Type.Enum([...SERVICES]), { minItems: 1, maxItems: SERVICES.length, uniqueItems: true, description: `Services offered: ${SERVICES.join(', ')}` }),
    website: Type.Optional(UrlSchema),
    legal_entity: Type.Optional(Text(500, 'The legal entity that answers requests (name and registration)')),
    data: Type.Optional(Type.Array(DataHeldSchema, { maxItems: DATA_CATEGORIES.length, description: 'Categories of data held and how long each is kept' })),
    requests: Type.Optional(
      Type.Object(
        { preservation: Type.Optional(ChannelSchema), disclosure: Type.Optional(ChannelSchema), emergency: Type.Optional(ChannelSchema) },
        { additionalProperties: false, description: 'How to send preservation, disclosure and emergency requests' },
      ),
    ),
    languages: Type.Optional(Type.Array(LangTagSchema, { maxItems: 30, uniqueItems: true, description: 'Languages in which requests are accepted (BCP 47)' })),
    emergency_contact: Type.Optional(EmergencyContactSchema),
    user_notification: Type.Optional(
      Type.Object(
        { policy: Type.Enum([...NOTIFICATION_POLICIES], { description: 'Whether the provider tells its user of a request: notifies, notifies_unless_prohibited, does_not_notify, unknown' }), note: Type.Optional(Multilingual(4000)) },
        { additionalProperties: false },
      ),
    ),
    content_requires_mla: Type.Optional(
      Type.Object(
        { value: Type.Enum([...YES_NO_UNKNOWN], { description: 'Whether content data is disclosed only on a mutual legal assistance request' }), note: Type.Optional(Multilingual(4000)) },
        { additionalProperties: false },
      ),
    ),
    notes: Type.Optional(Multilingual(10_000)),
    visibility: Type.Optional(VisibilitySchema),
    verified: Type.Optional(Type.Object({ on: DateSchema }, { additionalProperties: false, description: 'Last verification by a curator (output only: set when published)' })),
    demo: Type.Optional(Type.Boolean({ description: 'Synthetic demonstration record (invented provider)' })),
  },
  { additionalProperties: false },
);

export type ProviderDocument = Static<typeof ProviderDocumentSchema>;
export type DataHeld = Static<typeof DataHeldSchema>;
export type Channel = Static<typeof ChannelSchema>;
