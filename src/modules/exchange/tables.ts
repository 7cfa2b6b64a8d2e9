import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';

export type KeyUse = 'sig' | 'enc';
export type PublicJwk = { kty: string; crv: string; x: string; kid?: string; use?: string; alg?: string };

/** Migration 0072: this node's own key pairs. */
export interface ExchangeNodeKeysTable {
  kid: string;
  use: KeyUse;
  public_jwk: Json<PublicJwk>;
  private_sealed: string;
  created_at: Timestamp;
  retired_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type PartnerState = 'pending' | 'confirmed' | 'revoked';

export interface ExchangePartnersTable {
  id: Generated<string>;
  node_id: string;
  name: string;
  country: string;
  authority_id: string | null;
  inbox_url: string;
  descriptor: Json<unknown>;
  state: Generated<PartnerState>;
  added_by: string | null;
  confirmed_by: string | null;
  created_at: Timestamp;
  confirmed_at: NullableTimestamp;
}

export interface ExchangePartnerKeysTable {
  partner_id: string;
  kid: string;
  use: KeyUse;
  jwk: Json<PublicJwk>;
  retired: Generated<boolean>;
  confirmed_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type MessageState = 'queued' | 'delivered' | 'failed' | 'rejected' | 'received';

export interface ExchangeMessagesTable {
  id: string;
  direction: 'out' | 'in';
  partner_id: string;
  kind: string;
  case_id: string | null;
  authority_id: string;
  in_reply_to: string | null;
  sha256: string;
  body: string | null;
  state: MessageState;
  attempts: Generated<number>;
  last_error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

export interface ExchangeEvidenceTable {
  id: Generated<string>;
  message_id: string;
  event: string;
  signer: string;
  at: Timestamp;
  jws: string;
}

/** Migration 0085: chunks of large documents, outgoing (until delivered) and incoming (until their message takes them). */
export interface ExchangeChunksTable {
  direction: 'out' | 'in';
  message_id: string;
  document: number;
  seq: number;
  partner_id: string;
  sha256: string;
  byte_size: number;
  body: string | null;
  data: Buffer | null;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ExchangeTables {
  exchange_chunks: ExchangeChunksTable;
  exchange_node_keys: ExchangeNodeKeysTable;
  exchange_partners: ExchangePartnersTable;
  exchange_partner_keys: ExchangePartnerKeysTable;
  exchange_messages: ExchangeMessagesTable;
  exchange_evidence: ExchangeEvidenceTable;
}
