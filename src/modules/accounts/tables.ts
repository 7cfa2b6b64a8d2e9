import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/types.js';
import type { Lang } from '../../platform/i18n/languages.js';
import type { RoleName } from '../access/index.js';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  email_normalized: string;
  display_name: string;
  lang: Lang;
  password_hash: string | null;
  email_verified_at: NullableTimestamp;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: NullableTimestamp;
  totp_last_step: string | number | null;
  disabled_at: NullableTimestamp;
  last_sign_in_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  id: Generated<string>;
  user_id: string;
  role: RoleName;
  country: string | null;
  authority_id: string | null;
  granted_by: string | null;
  granted_at: Timestamp;
}

export type SessionStage = 'second_factor' | 'active';

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export type TokenPurpose = 'verify_email' | 'reset_password';

export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string[];
  expires_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  revoked_reason: TokenRevocationReason | null;
  created_at: Timestamp;
}

/** Why a token was revoked: by its owner, or together with the sessions at a security event. */
export type TokenRevocationReason = 'owner' | 'password_change' | 'password_reset' | 'sign_out_everywhere' | 'second_factor_reset';

export type RequestStatus = 'pending' | 'approved' | 'refused';

export interface PractitionerRequestsTable {
  id: Generated<string>;
  user_id: string;
  authority_name: string;
  function: string;
  country: string;
  authority_id: string | null;
  status: Generated<RequestStatus>;
  reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
}

export type OutboxStatus = 'stored' | 'pending' | 'sent' | 'failed';

export interface OutboxTable {
  id: Generated<string>;
  to_address: string;
  lang: string;
  purpose: string;
  subject: string;
  body: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface AccountsTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  recovery_codes: RecoveryCodesTable;
  auth_throttle: AuthThrottleTable;
  api_tokens: ApiTokensTable;
  practitioner_requests: PractitionerRequestsTable;
  outbox: OutboxTable;
}
