-- Accounts: users, roles, sessions, one-time tokens, second factor, throttling, API tokens,
-- practitioner requests and the e-mail outbox. Secrets are never stored in clear: session ids,
-- e-mail tokens, recovery codes and API tokens are stored as SHA-256 hashes; passwords as argon2id.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  email_normalized text NOT NULL UNIQUE CHECK (email_normalized = lower(email_normalized)),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('ar', 'zh', 'en', 'fr', 'es', 'ru')),
  password_hash text CHECK (password_hash LIKE '$argon2id$%'),
  email_verified_at timestamptz,
  totp_secret text,
  totp_pending_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  disabled_at timestamptz,
  last_sign_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'People with an account; anonymous readers have none';
COMMENT ON COLUMN users.id IS 'Internal identifier (UUID)';
COMMENT ON COLUMN users.email IS 'E-mail address as typed by the user, used to send mail';
COMMENT ON COLUMN users.email_normalized IS 'Lower-cased, trimmed e-mail address; unique; used to find the account at sign-in';
COMMENT ON COLUMN users.display_name IS 'Name shown in the interface and in the audit log';
COMMENT ON COLUMN users.lang IS 'Preferred interface language; e-mails are written in it';
COMMENT ON COLUMN users.password_hash IS 'argon2id hash in PHC string format; NULL when no password is set';
COMMENT ON COLUMN users.email_verified_at IS 'When the user proved control of the e-mail address; sign-in is refused before';
COMMENT ON COLUMN users.totp_secret IS 'TOTP secret (RFC 6238), encrypted with AES-256-GCM under the installation secret; NULL when no second factor';
COMMENT ON COLUMN users.totp_pending_secret IS 'TOTP secret offered during enrolment, encrypted; becomes totp_secret once a valid code confirms it';
COMMENT ON COLUMN users.totp_enabled_at IS 'When the second factor was enabled';
COMMENT ON COLUMN users.totp_last_step IS 'Last accepted TOTP time step; a code of this step or earlier is refused (no reuse)';
COMMENT ON COLUMN users.disabled_at IS 'When an administrator disabled the account; a disabled account cannot sign in';
COMMENT ON COLUMN users.last_sign_in_at IS 'Time of the last successful sign-in';
COMMENT ON COLUMN users.created_at IS 'When the account was registered';
COMMENT ON COLUMN users.updated_at IS 'When the account last changed';
CREATE INDEX users_created_idx ON users (created_at DESC, id);
CREATE INDEX users_name_trgm_idx ON users USING gin (lower(display_name) gin_trgm_ops);

CREATE TABLE user_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('practitioner', 'curator', 'focal_point', 'authority_officer', 'authority_supervisor', 'administrator')),
  country text REFERENCES countries (iso3),
  authority_id text CHECK (authority_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'),
  granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'focal_point') = (country IS NOT NULL)),
  CHECK ((role IN ('authority_officer', 'authority_supervisor')) = (authority_id IS NOT NULL))
);
COMMENT ON TABLE user_roles IS 'Roles granted to users; focal points are scoped to a country, authority roles to an authority';
COMMENT ON COLUMN user_roles.id IS 'Identifier of the grant';
COMMENT ON COLUMN user_roles.user_id IS 'The user holding the role';
COMMENT ON COLUMN user_roles.role IS 'practitioner, curator, focal_point, authority_officer, authority_supervisor or administrator';
COMMENT ON COLUMN user_roles.country IS 'Country (ISO alpha-3) of a focal point; NULL for other roles';
COMMENT ON COLUMN user_roles.authority_id IS 'Authority of an authority officer or supervisor (identifier in the directory); NULL for other roles';
COMMENT ON COLUMN user_roles.granted_by IS 'Administrator who granted the role (NULL for the command line or when that account is gone)';
COMMENT ON COLUMN user_roles.granted_at IS 'When the role was granted';
CREATE UNIQUE INDEX user_roles_unique_idx ON user_roles (user_id, role, coalesce(country, ''), coalesce(authority_id, ''));
CREATE INDEX user_roles_role_idx ON user_roles (role, country);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('second_factor', 'active')),
  csrf_token text NOT NULL,
  ip text,
  user_agent text CHECK (length(user_agent) <= 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE sessions IS 'Signed-in browser sessions; the cookie holds a random id, the table only its SHA-256';
COMMENT ON COLUMN sessions.id_hash IS 'SHA-256 (hex) of the session id held in the cookie';
COMMENT ON COLUMN sessions.user_id IS 'The signed-in user';
COMMENT ON COLUMN sessions.stage IS 'second_factor: password checked, TOTP code awaited (no rights yet); active: fully signed in';
COMMENT ON COLUMN sessions.csrf_token IS 'Synchronizer token that every state-changing form of this session must carry';
COMMENT ON COLUMN sessions.ip IS 'Client address at sign-in, shown in the session list';
COMMENT ON COLUMN sessions.user_agent IS 'Browser at sign-in (truncated), shown in the session list';
COMMENT ON COLUMN sessions.created_at IS 'Sign-in time';
COMMENT ON COLUMN sessions.last_seen_at IS 'Last request; the session ends after the idle timeout';
COMMENT ON COLUMN sessions.expires_at IS 'Absolute end of the session, whatever the activity';
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE user_tokens IS 'Single-use, expiring tokens sent by e-mail (address verification, password reset); only their SHA-256 is stored';
COMMENT ON COLUMN user_tokens.token_hash IS 'SHA-256 (hex) of the token in the link';
COMMENT ON COLUMN user_tokens.user_id IS 'Account the token acts on';
COMMENT ON COLUMN user_tokens.purpose IS 'verify_email or reset_password';
COMMENT ON COLUMN user_tokens.expires_at IS 'After this time the token is refused';
COMMENT ON COLUMN user_tokens.used_at IS 'When the token was used; a used token is refused';
COMMENT ON COLUMN user_tokens.created_at IS 'When the token was issued';
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose);

CREATE TABLE recovery_codes (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, code_hash)
);
COMMENT ON TABLE recovery_codes IS 'Single-use second-factor recovery codes (ten per enrolment); only a keyed SHA-256 of each is stored';
COMMENT ON COLUMN recovery_codes.user_id IS 'Owner of the code';
COMMENT ON COLUMN recovery_codes.code_hash IS 'HMAC-SHA-256 (hex) of the normalised code under the installation secret';
COMMENT ON COLUMN recovery_codes.used_at IS 'When the code was used; a used code is refused';
COMMENT ON COLUMN recovery_codes.created_at IS 'When the code was generated';

CREATE TABLE auth_throttle (
  key text PRIMARY KEY CHECK (length(key) <= 200),
  failures integer NOT NULL DEFAULT 0,
  window_start timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);
COMMENT ON TABLE auth_throttle IS 'Failure counters for sign-in, second factor and e-mail sending, per account (hashed e-mail, whether or not it exists) and per client address';
COMMENT ON COLUMN auth_throttle.key IS 'What is counted, e.g. "signin:email:<sha256>", "signin:ip:<address>", "mail:ip:<address>"';
COMMENT ON COLUMN auth_throttle.failures IS 'Failures (or attempts, for e-mail sending) since window_start';
COMMENT ON COLUMN auth_throttle.window_start IS 'Start of the counting window';
COMMENT ON COLUMN auth_throttle.locked_until IS 'Attempts are refused until this time';

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  prefix text NOT NULL CHECK (length(prefix) <= 16),
  scopes text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE api_tokens IS 'Personal API tokens for integrations: scoped, expiring, revocable; shown once, stored as SHA-256';
COMMENT ON COLUMN api_tokens.id IS 'Identifier of the token (not secret)';
COMMENT ON COLUMN api_tokens.user_id IS 'Owner; the token acts as this user, restricted to its scopes';
COMMENT ON COLUMN api_tokens.name IS 'Label chosen by the owner';
COMMENT ON COLUMN api_tokens.token_hash IS 'SHA-256 (hex) of the secret token';
COMMENT ON COLUMN api_tokens.prefix IS 'First characters of the token, shown to help the owner recognise it';
COMMENT ON COLUMN api_tokens.scopes IS 'Actions the token may perform (names from the access policy)';
COMMENT ON COLUMN api_tokens.expires_at IS 'The token is refused after this time';
COMMENT ON COLUMN api_tokens.last_used_at IS 'Last request made with the token';
COMMENT ON COLUMN api_tokens.revoked_at IS 'When the owner revoked the token; a revoked token is refused';
COMMENT ON COLUMN api_tokens.created_at IS 'When the token was created';
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC);

CREATE TABLE practitioner_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  authority_name text NOT NULL CHECK (length(authority_name) BETWEEN 1 AND 300),
  function text NOT NULL CHECK (length(function) BETWEEN 1 AND 200),
  country text NOT NULL REFERENCES countries (iso3),
  authority_id text CHECK (authority_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  reason text CHECK (length(reason) <= 2000),
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
COMMENT ON TABLE practitioner_requests IS 'Requests by registered users to be recognised as practitioners; decided by an administrator or the focal point of the country';
COMMENT ON COLUMN practitioner_requests.id IS 'Identifier of the request';
COMMENT ON COLUMN practitioner_requests.user_id IS 'The requesting user';
COMMENT ON COLUMN practitioner_requests.authority_name IS 'Authority the user works for, as typed';
COMMENT ON COLUMN practitioner_requests.function IS 'Position or function of the user in that authority';
COMMENT ON COLUMN practitioner_requests.country IS 'Country of the authority (ISO alpha-3); its focal points may decide';
COMMENT ON COLUMN practitioner_requests.authority_id IS 'Authority in the directory, once the directory exists and the authority is matched';
COMMENT ON COLUMN practitioner_requests.status IS 'pending, approved or refused';
COMMENT ON COLUMN practitioner_requests.reason IS 'Reason given with the decision (required for a refusal)';
COMMENT ON COLUMN practitioner_requests.decided_by IS 'Who decided';
COMMENT ON COLUMN practitioner_requests.decided_at IS 'When it was decided';
COMMENT ON COLUMN practitioner_requests.created_at IS 'When the request was made';
CREATE INDEX practitioner_requests_pending_idx ON practitioner_requests (country, created_at) WHERE status = 'pending';
CREATE INDEX practitioner_requests_user_idx ON practitioner_requests (user_id, created_at DESC);
CREATE UNIQUE INDEX practitioner_requests_one_pending_idx ON practitioner_requests (user_id) WHERE status = 'pending';

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  to_address text NOT NULL CHECK (length(to_address) <= 254),
  lang text NOT NULL,
  purpose text NOT NULL CHECK (length(purpose) <= 60),
  subject text NOT NULL CHECK (length(subject) <= 300),
  body text,
  status text NOT NULL CHECK (status IN ('stored', 'pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
COMMENT ON TABLE outbox IS 'Every e-mail Palermo writes. Without SMTP_URL mail stays here (status stored) for the administrator to read; with SMTP_URL it is delivered and its body cleared';
COMMENT ON COLUMN outbox.id IS 'Sequence number';
COMMENT ON COLUMN outbox.to_address IS 'Recipient address';
COMMENT ON COLUMN outbox.lang IS 'Language the mail is written in';
COMMENT ON COLUMN outbox.purpose IS 'Kind of mail, e.g. verify_email, reset_password, practitioner_decision';
COMMENT ON COLUMN outbox.subject IS 'Subject line';
COMMENT ON COLUMN outbox.body IS 'Plain-text body; cleared once delivered by SMTP so that links in it do not linger';
COMMENT ON COLUMN outbox.status IS 'stored (no SMTP: kept for the administrator), pending (to deliver), sent, failed (gave up after retries)';
COMMENT ON COLUMN outbox.attempts IS 'Delivery attempts so far';
COMMENT ON COLUMN outbox.last_error IS 'Error of the last failed delivery attempt';
COMMENT ON COLUMN outbox.created_at IS 'When the mail was written';
COMMENT ON COLUMN outbox.sent_at IS 'When the SMTP server accepted the mail';
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE status = 'pending';
