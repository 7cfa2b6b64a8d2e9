-- Knowledge portal: legislation, case law, treaties and strategies, each with language versions and tags.

-- Language tags are BCP 47 (primary subtag, optional script/region): ar, zh, en, fr, es, ru, pt, zh-Hant...
CREATE DOMAIN language_tag AS text CHECK (VALUE ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
COMMENT ON DOMAIN language_tag IS 'BCP 47 language tag';

CREATE DOMAIN entry_id AS text CHECK (VALUE ~ '^[a-z0-9][a-z0-9._-]{0,127}$');
COMMENT ON DOMAIN entry_id IS 'Stable public identifier: lower-case letters, digits, dot, underscore, hyphen; at most 128 characters';

CREATE TABLE entries (
  id entry_id PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('legislation', 'case', 'treaty', 'strategy')),
  country text REFERENCES countries (iso3),
  date date,
  original_lang language_tag,
  demo boolean NOT NULL DEFAULT false,
  origin text NOT NULL DEFAULT 'import' CHECK (origin IN ('reference', 'import', 'demo', 'editor')),
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE entries IS 'One entry of the knowledge portal (any of the four databases); the common header of every entry';
COMMENT ON COLUMN entries.id IS 'Stable public identifier, part of the entry URL';
COMMENT ON COLUMN entries.type IS 'Database the entry belongs to: legislation (an article-level extract), case, treaty, strategy';
COMMENT ON COLUMN entries.country IS 'State the entry belongs to (ISO alpha-3); NULL for multilateral treaties';
COMMENT ON COLUMN entries.date IS 'Primary date, used for the year facet and date sort: adoption of the law or treaty, decision date of a case, start of a strategy';
COMMENT ON COLUMN entries.original_lang IS 'Language of the original (authentic) version';
COMMENT ON COLUMN entries.demo IS 'Synthetic demonstration data; shown with a demo label and removed by "palermo demo --remove"';
COMMENT ON COLUMN entries.origin IS 'How the entry arrived: reference data loader, import file, demo seed, or an editor';
COMMENT ON COLUMN entries.content_hash IS 'SHA-256 of the canonical document; an import of identical content is skipped';
COMMENT ON COLUMN entries.created_at IS 'When the entry was first stored';
COMMENT ON COLUMN entries.updated_at IS 'When the entry content last changed';
CREATE INDEX entries_type_country_idx ON entries (type, country);
CREATE INDEX entries_date_idx ON entries (date);
CREATE INDEX entries_demo_idx ON entries (demo) WHERE demo;

CREATE TABLE entry_texts (
  entry_id entry_id NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  lang language_tag NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
  summary text,
  body text,
  facts text,
  decision text,
  commentary text,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  machine_translated boolean NOT NULL DEFAULT false,
  translated_from language_tag,
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entry_id, lang)
);
COMMENT ON TABLE entry_texts IS 'One language version of an entry; the public sees only published versions';
COMMENT ON COLUMN entry_texts.entry_id IS 'The entry';
COMMENT ON COLUMN entry_texts.lang IS 'BCP 47 language of this version';
COMMENT ON COLUMN entry_texts.title IS 'Title in this language';
COMMENT ON COLUMN entry_texts.summary IS 'Summary (cases, strategies) or short description';
COMMENT ON COLUMN entry_texts.body IS 'Main text: the legislative extract, the strategy text, the treaty description';
COMMENT ON COLUMN entry_texts.facts IS 'Cases: summary of the facts';
COMMENT ON COLUMN entry_texts.decision IS 'Cases: the decision and its reasoning';
COMMENT ON COLUMN entry_texts.commentary IS 'Cases: commentary and significance';
COMMENT ON COLUMN entry_texts.status IS 'Editorial status of this language version: draft, in_review, published, archived';
COMMENT ON COLUMN entry_texts.machine_translated IS 'True while the text is a machine translation not yet reviewed by a person';
COMMENT ON COLUMN entry_texts.translated_from IS 'Language this version was translated from, if it is a translation';
COMMENT ON COLUMN entry_texts.reviewed_at IS 'When a person last reviewed this version';
COMMENT ON COLUMN entry_texts.created_at IS 'When this language version was first stored';
COMMENT ON COLUMN entry_texts.updated_at IS 'When this language version last changed';
CREATE INDEX entry_texts_lang_idx ON entry_texts (lang) WHERE status = 'published';

CREATE TABLE laws (
  id entry_id PRIMARY KEY,
  country text NOT NULL REFERENCES countries (iso3),
  citation text CHECK (length(citation) <= 500),
  adopted_on date,
  amended_on date,
  source_url text CHECK (source_url ~ '^https?://'),
  attachment_id text REFERENCES files (id),
  original_lang language_tag,
  demo boolean NOT NULL DEFAULT false,
  origin text NOT NULL DEFAULT 'import' CHECK (origin IN ('reference', 'import', 'demo', 'editor')),
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE laws IS 'A national law (act, code, decree) from which legislation entries are article-level extracts';
COMMENT ON COLUMN laws.id IS 'Stable public identifier of the law';
COMMENT ON COLUMN laws.country IS 'Enacting State (ISO alpha-3)';
COMMENT ON COLUMN laws.citation IS 'Official citation, e.g. "Act No. 108 of 1996" or "JORF n° 0059 du 10 mars 2004"';
COMMENT ON COLUMN laws.adopted_on IS 'Date of adoption';
COMMENT ON COLUMN laws.amended_on IS 'Date of the last amendment taken into account';
COMMENT ON COLUMN laws.source_url IS 'Official source of the text';
COMMENT ON COLUMN laws.attachment_id IS 'Full text as a file (e.g. the official PDF)';
COMMENT ON COLUMN laws.original_lang IS 'Language of the authentic text';
COMMENT ON COLUMN laws.demo IS 'Synthetic demonstration data';
COMMENT ON COLUMN laws.origin IS 'How the law arrived: reference, import, demo or editor';
COMMENT ON COLUMN laws.content_hash IS 'SHA-256 of the canonical document, to skip identical re-imports';
COMMENT ON COLUMN laws.created_at IS 'When the law was first stored';
COMMENT ON COLUMN laws.updated_at IS 'When the law last changed';
CREATE INDEX laws_country_idx ON laws (country);

CREATE TABLE law_texts (
  law_id entry_id NOT NULL REFERENCES laws (id) ON DELETE CASCADE,
  lang language_tag NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
  full_text text,
  machine_translated boolean NOT NULL DEFAULT false,
  translated_from language_tag,
  PRIMARY KEY (law_id, lang)
);
COMMENT ON TABLE law_texts IS 'A language version of a law: its title and optionally its full text';
COMMENT ON COLUMN law_texts.law_id IS 'The law';
COMMENT ON COLUMN law_texts.lang IS 'BCP 47 language of this version';
COMMENT ON COLUMN law_texts.title IS 'Title of the law in this language';
COMMENT ON COLUMN law_texts.full_text IS 'Full text of the law in this language, when held';
COMMENT ON COLUMN law_texts.machine_translated IS 'True while the text is an unreviewed machine translation';
COMMENT ON COLUMN law_texts.translated_from IS 'Language this version was translated from';

CREATE TABLE legislation (
  entry_id entry_id PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  law_id entry_id NOT NULL REFERENCES laws (id) ON DELETE CASCADE,
  article_ref text CHECK (length(article_ref) <= 200),
  position integer
);
COMMENT ON TABLE legislation IS 'Legislation entries: an article-level extract of a law';
COMMENT ON COLUMN legislation.entry_id IS 'The entry';
COMMENT ON COLUMN legislation.law_id IS 'The law the extract belongs to';
COMMENT ON COLUMN legislation.article_ref IS 'Article or section reference within the law, e.g. "Art. 694-1" or "Section 35"';
COMMENT ON COLUMN legislation.position IS 'Order of the extract within its law';
CREATE INDEX legislation_law_idx ON legislation (law_id, position);

CREATE TABLE cases (
  entry_id entry_id PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  court text CHECK (length(court) <= 500),
  case_number text CHECK (length(case_number) <= 200),
  ecli text CHECK (ecli ~ '^ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:[0-9]{4}:[A-Za-z0-9.]{1,25}$'),
  decision_date date,
  untoc_legal_basis boolean,
  sources jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sources) = 'array')
);
COMMENT ON TABLE cases IS 'Case law entries: a court decision and its summary';
COMMENT ON COLUMN cases.entry_id IS 'The entry';
COMMENT ON COLUMN cases.court IS 'Court or tribunal that decided, as named in the decision';
COMMENT ON COLUMN cases.case_number IS 'Docket or case number';
COMMENT ON COLUMN cases.ecli IS 'European Case Law Identifier where one exists';
COMMENT ON COLUMN cases.decision_date IS 'Date of the decision';
COMMENT ON COLUMN cases.untoc_legal_basis IS 'Whether UNTOC was the legal basis for international cooperation in the case (NULL: unknown)';
COMMENT ON COLUMN cases.sources IS 'Sources as a JSON array of {"title","url"}';

CREATE TABLE treaties (
  entry_id entry_id PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('universal', 'regional', 'bilateral')),
  short_name text CHECK (length(short_name) <= 100),
  organization text CHECK (length(organization) <= 200),
  adopted_on date,
  adopted_at text CHECK (length(adopted_at) <= 200),
  entry_into_force_on date,
  depositary text CHECK (length(depositary) <= 300),
  parent_id entry_id REFERENCES treaties (entry_id),
  source_url text CHECK (source_url ~ '^https?://')
);
COMMENT ON TABLE treaties IS 'Treaties (international instruments): universal, regional or bilateral; the instruments whose articles index content';
COMMENT ON COLUMN treaties.entry_id IS 'The entry; also the instrument identifier used in article references (e.g. untoc)';
COMMENT ON COLUMN treaties.kind IS 'universal (open to all States), regional, or bilateral (between two States)';
COMMENT ON COLUMN treaties.short_name IS 'Short name or acronym, e.g. UNTOC, ETS No. 185';
COMMENT ON COLUMN treaties.organization IS 'Organization under whose auspices it was adopted, e.g. United Nations, Council of Europe';
COMMENT ON COLUMN treaties.adopted_on IS 'Date of adoption or opening for signature';
COMMENT ON COLUMN treaties.adopted_at IS 'Place of adoption or signature';
COMMENT ON COLUMN treaties.entry_into_force_on IS 'Date the treaty entered into force';
COMMENT ON COLUMN treaties.depositary IS 'Depositary of the treaty';
COMMENT ON COLUMN treaties.parent_id IS 'The treaty a protocol supplements';
COMMENT ON COLUMN treaties.source_url IS 'Official source of the text';

CREATE TABLE treaty_articles (
  treaty_id entry_id NOT NULL REFERENCES treaties (entry_id) ON DELETE CASCADE,
  number text NOT NULL CHECK (number ~ '^[0-9]+[a-z]?(bis|ter|quater)?$'),
  position integer NOT NULL,
  titles jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(titles) = 'object'),
  texts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(texts) = 'object'),
  PRIMARY KEY (treaty_id, number)
);
COMMENT ON TABLE treaty_articles IS 'Articles of a treaty, the targets of "instrument article" tags';
COMMENT ON COLUMN treaty_articles.treaty_id IS 'The treaty';
COMMENT ON COLUMN treaty_articles.number IS 'Article number as printed, e.g. 18';
COMMENT ON COLUMN treaty_articles.position IS 'Order within the treaty';
COMMENT ON COLUMN treaty_articles.titles IS 'Article heading by language tag; a missing language means no authentic or reviewed title is held';
COMMENT ON COLUMN treaty_articles.texts IS 'Article text by language tag; a missing language means the text is not held';

CREATE TABLE treaty_article_terms (
  treaty_id entry_id NOT NULL,
  number text NOT NULL,
  taxonomy text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (treaty_id, number, taxonomy, code),
  FOREIGN KEY (treaty_id, number) REFERENCES treaty_articles (treaty_id, number) ON DELETE CASCADE,
  FOREIGN KEY (taxonomy, code) REFERENCES taxonomy_terms (taxonomy, code)
);
COMMENT ON TABLE treaty_article_terms IS 'What an article is about (e.g. UNTOC art. 18 is mutual legal assistance), so a search in any language finds entries tagged with the article through the term labels';
COMMENT ON COLUMN treaty_article_terms.treaty_id IS 'The treaty';
COMMENT ON COLUMN treaty_article_terms.number IS 'The article number';
COMMENT ON COLUMN treaty_article_terms.taxonomy IS 'Taxonomy of the term';
COMMENT ON COLUMN treaty_article_terms.code IS 'Code of the term';

CREATE TABLE treaty_parties (
  treaty_id entry_id NOT NULL REFERENCES treaties (entry_id) ON DELETE CASCADE,
  country text NOT NULL REFERENCES countries (iso3),
  signed_on date,
  consent_kind text CHECK (consent_kind IN ('ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive_signature')),
  consent_on date,
  entry_into_force_on date,
  reservations text,
  declarations text,
  notes text,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (treaty_id, country),
  CHECK ((consent_kind IS NULL) = (consent_on IS NULL))
);
COMMENT ON TABLE treaty_parties IS 'Participation of a State in a treaty: signature, consent to be bound, entry into force, reservations and declarations';
COMMENT ON COLUMN treaty_parties.treaty_id IS 'The treaty';
COMMENT ON COLUMN treaty_parties.country IS 'The State (ISO alpha-3)';
COMMENT ON COLUMN treaty_parties.signed_on IS 'Date of signature';
COMMENT ON COLUMN treaty_parties.consent_kind IS 'How the State consented to be bound: ratification, accession, acceptance, approval, succession, definitive signature';
COMMENT ON COLUMN treaty_parties.consent_on IS 'Date of deposit of the instrument of consent';
COMMENT ON COLUMN treaty_parties.entry_into_force_on IS 'Date the treaty entered into force for this State';
COMMENT ON COLUMN treaty_parties.reservations IS 'Text of reservations';
COMMENT ON COLUMN treaty_parties.declarations IS 'Text of declarations and notifications (e.g. UNTOC art. 16(5), 18(13), 18(14))';
COMMENT ON COLUMN treaty_parties.notes IS 'Other remarks (territorial application, objections)';
COMMENT ON COLUMN treaty_parties.demo IS 'Synthetic demonstration data';
COMMENT ON COLUMN treaty_parties.updated_at IS 'When this row last changed';
CREATE INDEX treaty_parties_country_idx ON treaty_parties (country);

CREATE TABLE strategies (
  entry_id entry_id PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  period_start integer CHECK (period_start BETWEEN 1900 AND 2200),
  period_end integer CHECK (period_end BETWEEN 1900 AND 2200),
  adopted_by text CHECK (length(adopted_by) <= 500),
  source_url text CHECK (source_url ~ '^https?://'),
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
COMMENT ON TABLE strategies IS 'National strategies and action plans';
COMMENT ON COLUMN strategies.entry_id IS 'The entry';
COMMENT ON COLUMN strategies.period_start IS 'First year covered';
COMMENT ON COLUMN strategies.period_end IS 'Last year covered';
COMMENT ON COLUMN strategies.adopted_by IS 'Body that adopted the strategy';
COMMENT ON COLUMN strategies.source_url IS 'Official source';

CREATE TABLE entry_articles (
  entry_id entry_id NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  treaty_id entry_id NOT NULL,
  number text NOT NULL,
  PRIMARY KEY (entry_id, treaty_id, number),
  FOREIGN KEY (treaty_id, number) REFERENCES treaty_articles (treaty_id, number)
);
COMMENT ON TABLE entry_articles IS 'Instrument articles an entry implements or applies (the SHERLOC "instrument article" index)';
COMMENT ON COLUMN entry_articles.entry_id IS 'The entry';
COMMENT ON COLUMN entry_articles.treaty_id IS 'The instrument';
COMMENT ON COLUMN entry_articles.number IS 'The article number';
CREATE INDEX entry_articles_article_idx ON entry_articles (treaty_id, number);

CREATE TABLE entry_terms (
  entry_id entry_id NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  taxonomy text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (entry_id, taxonomy, code),
  FOREIGN KEY (taxonomy, code) REFERENCES taxonomy_terms (taxonomy, code)
);
COMMENT ON TABLE entry_terms IS 'Taxonomy terms (crime type, cooperation type, cross-cutting issue, measure) tagged on an entry';
COMMENT ON COLUMN entry_terms.entry_id IS 'The entry';
COMMENT ON COLUMN entry_terms.taxonomy IS 'Taxonomy of the term';
COMMENT ON COLUMN entry_terms.code IS 'Code of the term';
CREATE INDEX entry_terms_term_idx ON entry_terms (taxonomy, code);

CREATE TABLE entry_countries (
  entry_id entry_id NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  country text NOT NULL REFERENCES countries (iso3),
  role text NOT NULL CHECK (role IN ('cooperating')),
  PRIMARY KEY (entry_id, country, role)
);
COMMENT ON TABLE entry_countries IS 'Other States involved in an entry, e.g. the States that cooperated in a case';
COMMENT ON COLUMN entry_countries.entry_id IS 'The entry';
COMMENT ON COLUMN entry_countries.country IS 'The State (ISO alpha-3)';
COMMENT ON COLUMN entry_countries.role IS 'Role of the State: cooperating';
CREATE INDEX entry_countries_country_idx ON entry_countries (country);
