-- Authentic texts of the shipped instruments in other languages than the shipped English text,
-- imported by curators (palermo import-instrument-text). The reference load merges them into the
-- treaty records, so that a reload keeps them.

CREATE TABLE instrument_texts (
  treaty_id text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('ar', 'zh', 'fr', 'es', 'ru')),
  title text,
  articles jsonb NOT NULL CHECK (jsonb_typeof(articles) = 'array'),
  source text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (treaty_id, lang)
);

COMMENT ON TABLE instrument_texts IS 'Authentic language versions of shipped instruments imported by curators; merged into the treaty records at every reference load';
COMMENT ON COLUMN instrument_texts.treaty_id IS 'Id of the shipped instrument (definitions/instruments.ts), e.g. untoc';
COMMENT ON COLUMN instrument_texts.lang IS 'Language of the authentic text: one of the authentic languages of the instrument other than English (English is shipped)';
COMMENT ON COLUMN instrument_texts.title IS 'Title line of the imported file (the # or ## heading), if any';
COMMENT ON COLUMN instrument_texts.articles IS 'Articles in file order: [{"number","title"?,"text"}], text paragraphs separated by a blank line';
COMMENT ON COLUMN instrument_texts.source IS 'Where the text comes from, as the curator gave it (file name or URL)';
COMMENT ON COLUMN instrument_texts.sha256 IS 'SHA-256 (hex) of the imported file';
COMMENT ON COLUMN instrument_texts.imported_at IS 'When the text was last imported';
