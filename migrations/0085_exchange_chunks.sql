-- Issue 14 §2: large documents travel as separate signed and encrypted chunks (docs/EXCHANGE.md "Large documents").
CREATE TABLE exchange_chunks (
  direction text NOT NULL CHECK (direction IN ('out', 'in')),
  message_id uuid NOT NULL,
  document integer NOT NULL CHECK (document >= 0 AND document < 100),
  seq integer NOT NULL CHECK (seq >= 0),
  partner_id uuid NOT NULL REFERENCES exchange_partners (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size integer NOT NULL CHECK (byte_size >= 0),
  body text,
  data bytea,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (direction, message_id, document, seq)
);
COMMENT ON TABLE exchange_chunks IS 'Chunks of the large documents of exchange messages: outgoing ones waiting for delivery (out), incoming ones verified and waiting for their message (in)';
COMMENT ON COLUMN exchange_chunks.direction IS 'out: a chunk of a message this node sends; in: a chunk received from a partner, before its message';
COMMENT ON COLUMN exchange_chunks.message_id IS 'The exchange message the chunk belongs to (exchange_messages.id once the message is recorded)';
COMMENT ON COLUMN exchange_chunks.document IS 'Index of the document in the message''s documents list';
COMMENT ON COLUMN exchange_chunks.seq IS 'Position of the chunk in its document, from 0';
COMMENT ON COLUMN exchange_chunks.partner_id IS 'The partner node the chunk goes to (out) or came from (in, the verified signer)';
COMMENT ON COLUMN exchange_chunks.sha256 IS 'SHA-256 (hex) of the chunk''s content, as listed in the signed message';
COMMENT ON COLUMN exchange_chunks.byte_size IS 'Size of the chunk''s content in bytes';
COMMENT ON COLUMN exchange_chunks.body IS 'out: the chunk signed (JWS) and encrypted to the partner (JWE compact), dropped once delivered';
COMMENT ON COLUMN exchange_chunks.data IS 'in: the verified, decrypted content, dropped when the message takes the document';
COMMENT ON COLUMN exchange_chunks.delivered_at IS 'out: when the partner confirmed it holds the chunk (a resumed delivery skips it)';
COMMENT ON COLUMN exchange_chunks.created_at IS 'When the chunk was stored';
CREATE INDEX exchange_chunks_created ON exchange_chunks (direction, created_at) WHERE data IS NOT NULL;
