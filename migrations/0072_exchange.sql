-- Secure exchange between Palermo installations (issue 14 §1-3): this node's keys, its partner nodes
-- and their keys, the messages sent and received (outbox and inbox), and signed delivery evidence.

CREATE TABLE exchange_node_keys (
  kid text PRIMARY KEY,
  use text NOT NULL CHECK (use IN ('sig', 'enc')),
  public_jwk jsonb NOT NULL,
  private_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  revoked_at timestamptz
);
COMMENT ON TABLE exchange_node_keys IS 'This node''s own key pairs: Ed25519 for signing (sig), X25519 for receiving encrypted messages (enc)';
COMMENT ON COLUMN exchange_node_keys.kid IS 'Key id: the RFC 7638 JWK thumbprint of the public key (also its fingerprint)';
COMMENT ON COLUMN exchange_node_keys.use IS 'sig (Ed25519, EdDSA signatures) or enc (X25519, ECDH-ES+A256KW encryption)';
COMMENT ON COLUMN exchange_node_keys.public_jwk IS 'The public key as a JWK, published in the node descriptor';
COMMENT ON COLUMN exchange_node_keys.private_sealed IS 'The private JWK encrypted with AES-256-GCM under a key derived from the installation secret (base64url iv.ciphertext.tag)';
COMMENT ON COLUMN exchange_node_keys.created_at IS 'When the key pair was generated';
COMMENT ON COLUMN exchange_node_keys.retired_at IS 'When a newer key replaced it (rotation): still published for verifying older messages, never used to sign or encrypt';
COMMENT ON COLUMN exchange_node_keys.revoked_at IS 'When it was revoked: no longer published nor used';

CREATE TABLE exchange_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  node_id text NOT NULL UNIQUE CHECK (length(node_id) BETWEEN 1 AND 200),
  name text NOT NULL,
  country text NOT NULL,
  authority_id text,
  inbox_url text NOT NULL,
  descriptor jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'revoked')),
  added_by uuid,
  confirmed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz
);
COMMENT ON TABLE exchange_partners IS 'Partner nodes this node trusts explicitly, added by their descriptor and confirmed by an administrator';
COMMENT ON COLUMN exchange_partners.id IS 'Local identifier';
COMMENT ON COLUMN exchange_partners.node_id IS 'The partner''s node id (its descriptor''s id)';
COMMENT ON COLUMN exchange_partners.name IS 'The partner''s name as its descriptor gives it';
COMMENT ON COLUMN exchange_partners.country IS 'The partner''s State (ISO alpha-3)';
COMMENT ON COLUMN exchange_partners.authority_id IS 'The partner''s authority (directory identifier at the partner), if its descriptor names one';
COMMENT ON COLUMN exchange_partners.inbox_url IS 'Where messages for the partner are delivered (its descriptor''s endpoints.inbox)';
COMMENT ON COLUMN exchange_partners.descriptor IS 'The descriptor as last read';
COMMENT ON COLUMN exchange_partners.state IS 'pending (added, fingerprints not yet confirmed: nothing accepted or sent), confirmed, revoked (nothing accepted or sent)';
COMMENT ON COLUMN exchange_partners.added_by IS 'Administrator who added it';
COMMENT ON COLUMN exchange_partners.confirmed_by IS 'Administrator who confirmed its fingerprints out of band';
COMMENT ON COLUMN exchange_partners.created_at IS 'When it was added';
COMMENT ON COLUMN exchange_partners.confirmed_at IS 'When its fingerprints were confirmed';

CREATE TABLE exchange_partner_keys (
  partner_id uuid NOT NULL REFERENCES exchange_partners (id) ON DELETE CASCADE,
  kid text NOT NULL,
  use text NOT NULL CHECK (use IN ('sig', 'enc')),
  jwk jsonb NOT NULL,
  retired boolean NOT NULL DEFAULT false,
  confirmed_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (partner_id, kid)
);
COMMENT ON TABLE exchange_partner_keys IS 'Public keys of partner nodes; a key is used only once confirmed and while not revoked';
COMMENT ON COLUMN exchange_partner_keys.partner_id IS 'The partner node';
COMMENT ON COLUMN exchange_partner_keys.kid IS 'Key id = RFC 7638 thumbprint, checked on adding (the fingerprint shown for confirmation)';
COMMENT ON COLUMN exchange_partner_keys.use IS 'sig (verifies the partner''s messages and evidence) or enc (messages to the partner are encrypted to it)';
COMMENT ON COLUMN exchange_partner_keys.jwk IS 'The public JWK';
COMMENT ON COLUMN exchange_partner_keys.retired IS 'The partner retired it (rotation): verifies older messages, never encrypted to';
COMMENT ON COLUMN exchange_partner_keys.confirmed_at IS 'When an administrator confirmed its fingerprint; NULL = not trusted yet';
COMMENT ON COLUMN exchange_partner_keys.revoked_at IS 'When an administrator revoked it: nothing signed with it is accepted';

CREATE TABLE exchange_messages (
  id uuid PRIMARY KEY,
  direction text NOT NULL CHECK (direction IN ('out', 'in')),
  partner_id uuid NOT NULL REFERENCES exchange_partners (id),
  kind text NOT NULL,
  case_id uuid,
  authority_id text NOT NULL,
  in_reply_to uuid,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  body text,
  state text NOT NULL CHECK (state IN ('queued', 'delivered', 'failed', 'received')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
COMMENT ON TABLE exchange_messages IS 'Messages exchanged with partner nodes: the outbox (out) and what was received (in); a message id is unique across both';
COMMENT ON COLUMN exchange_messages.id IS 'Message id (UUID), chosen by the sender, inside the signed content';
COMMENT ON COLUMN exchange_messages.direction IS 'out (sent by this node) or in (received)';
COMMENT ON COLUMN exchange_messages.partner_id IS 'The other node';
COMMENT ON COLUMN exchange_messages.kind IS 'request, acknowledgement, result (exchange/domain/message.ts MESSAGE_KINDS)';
COMMENT ON COLUMN exchange_messages.case_id IS 'The local case the message belongs to';
COMMENT ON COLUMN exchange_messages.authority_id IS 'The local authority that sent or received it';
COMMENT ON COLUMN exchange_messages.in_reply_to IS 'The message it answers';
COMMENT ON COLUMN exchange_messages.sha256 IS 'SHA-256 (hex) of the signed message (the JWS compact serialisation) that was sent or received';
COMMENT ON COLUMN exchange_messages.body IS 'Outgoing: the JWE to deliver (kept until delivered, then cleared); incoming: NULL';
COMMENT ON COLUMN exchange_messages.state IS 'queued (waiting for delivery), delivered (the partner gave delivery evidence), failed (gave up), received (incoming)';
COMMENT ON COLUMN exchange_messages.attempts IS 'Delivery attempts so far';
COMMENT ON COLUMN exchange_messages.last_error IS 'Why the last attempt failed';
COMMENT ON COLUMN exchange_messages.created_by IS 'User who sent it (outgoing)';
COMMENT ON COLUMN exchange_messages.created_at IS 'When it was queued or received';
COMMENT ON COLUMN exchange_messages.delivered_at IS 'When the partner confirmed delivery (outgoing)';

CREATE TABLE exchange_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES exchange_messages (id),
  event text NOT NULL,
  signer text NOT NULL,
  at timestamptz NOT NULL,
  jws text NOT NULL,
  UNIQUE (message_id, event, signer)
);
COMMENT ON TABLE exchange_evidence IS 'Signed evidence about messages (ETSI EN 319 522 events), by this node or by the partner (docs/EXCHANGE.md)';
COMMENT ON COLUMN exchange_evidence.id IS 'Local identifier (download URL)';
COMMENT ON COLUMN exchange_evidence.message_id IS 'The message the evidence is about';
COMMENT ON COLUMN exchange_evidence.event IS 'SubmissionAcceptance, SubmissionRejection, RelayFailure, Delivery, NonDelivery, Retrieval, ...';
COMMENT ON COLUMN exchange_evidence.signer IS 'Node id of the node that observed the event and signed';
COMMENT ON COLUMN exchange_evidence.at IS 'When the event happened (as signed)';
COMMENT ON COLUMN exchange_evidence.jws IS 'The evidence: a JWS (EdDSA, compact) over its JSON content';

-- Casework records exchange steps in the case's hash-chained history.
ALTER TABLE case_events DROP CONSTRAINT case_events_type_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_type_check CHECK (type IN ('created', 'edited', 'transition', 'assigned', 'person_added', 'person_edited', 'person_removed', 'legal_basis_set', 'link_added', 'link_removed', 'deadline_set', 'deadline_met', 'document_added', 'execution_forwarded', 'execution_transition', 'execution_edited', 'status_enquiry', 'chased', 'imported', 'exchange'));
