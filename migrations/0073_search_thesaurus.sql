-- Search that speaks the practitioners' language (issue 13 §4): a thesaurus of abbreviations and
-- synonyms kept by curators, and the vocabulary of indexed words that "did you mean" draws from.

CREATE TABLE search_thesaurus (
  id serial PRIMARY KEY,
  lang text NOT NULL CHECK (lang IN ('ar', 'zh', 'en', 'fr', 'es', 'ru')),
  terms text[] NOT NULL CHECK (cardinality(terms) BETWEEN 2 AND 20),
  note text CHECK (note IS NULL OR char_length(note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_thesaurus_lang_idx ON search_thesaurus (lang, id);
COMMENT ON TABLE search_thesaurus IS 'Groups of equivalent search terms (abbreviations, synonyms) per language, kept by curators: a query term equal to one term of a group also matches the others (docs/SEARCH.md, "Thesaurus")';
COMMENT ON COLUMN search_thesaurus.id IS 'Number of the group';
COMMENT ON COLUMN search_thesaurus.lang IS 'Language of the group''s terms (UN language code); its terms are analysed with that language''s configuration';
COMMENT ON COLUMN search_thesaurus.terms IS 'The equivalent terms as curators wrote them (2 to 20, each a word or a phrase of at most 100 characters)';
COMMENT ON COLUMN search_thesaurus.note IS 'Curators'' note on the group (scope, source), not shown to readers';
COMMENT ON COLUMN search_thesaurus.created_at IS 'When the group was added';
COMMENT ON COLUMN search_thesaurus.updated_at IS 'When the group was last changed';
COMMENT ON INDEX search_thesaurus_lang_idx IS 'The curators'' page lists groups by language';

INSERT INTO cache_generations (name) VALUES ('thesaurus') ON CONFLICT (name) DO NOTHING;
CREATE TRIGGER search_thesaurus_cache_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_thesaurus
  FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('thesaurus');
COMMENT ON TRIGGER search_thesaurus_cache_generation ON search_thesaurus IS 'Moves the "thesaurus" cache generation: every app node reloads the groups it expands queries with';

INSERT INTO search_thesaurus (lang, terms) VALUES
  ('en', ARRAY['MLA', 'MLAT', 'mutual legal assistance', 'mutual assistance in criminal matters']),
  ('en', ARRAY['EAW', 'European arrest warrant']),
  ('en', ARRAY['JIT', 'joint investigation team']),
  ('en', ARRAY['e-evidence', 'electronic evidence', 'digital evidence']),
  ('en', ARRAY['FIU', 'financial intelligence unit']),
  ('en', ARRAY['extradition', 'surrender of fugitives']),
  ('en', ARRAY['UNTOC', 'Palermo Convention', 'Convention against Transnational Organized Crime']),
  ('en', ARRAY['AML', 'anti-money laundering']),
  ('en', ARRAY['TIP', 'trafficking in persons', 'human trafficking']),
  ('fr', ARRAY['entraide judiciaire', 'entraide pénale', 'entraide judiciaire en matière pénale']),
  ('fr', ARRAY['MAE', 'mandat d''arrêt européen']),
  ('fr', ARRAY['ECE', 'équipe commune d''enquête']),
  ('fr', ARRAY['preuve électronique', 'preuve numérique']),
  ('fr', ARRAY['CRF', 'cellule de renseignement financier']),
  ('fr', ARRAY['extradition', 'remise']),
  ('es', ARRAY['asistencia judicial recíproca', 'asistencia jurídica mutua', 'asistencia judicial mutua']),
  ('es', ARRAY['OEDE', 'orden europea de detención']),
  ('es', ARRAY['ECI', 'equipo conjunto de investigación']),
  ('es', ARRAY['prueba electrónica', 'evidencia digital']),
  ('es', ARRAY['UIF', 'unidad de inteligencia financiera']),
  ('es', ARRAY['extradición', 'entrega']),
  ('ru', ARRAY['экстрадиция', 'выдача']),
  ('ru', ARRAY['ВПП', 'взаимная правовая помощь']),
  ('ru', ARRAY['ССГ', 'совместная следственная группа']),
  ('ru', ARRAY['ПФР', 'подразделение финансовой разведки']),
  ('ru', ARRAY['электронные доказательства', 'цифровые доказательства']),
  ('ar', ARRAY['تسليم المجرمين', 'تسليم']),
  ('ar', ARRAY['المساعدة القانونية المتبادلة', 'المساعدة القضائية المتبادلة']),
  ('ar', ARRAY['فريق التحقيق المشترك', 'أفرقة التحقيق المشتركة']),
  ('ar', ARRAY['الأدلة الإلكترونية', 'الأدلة الرقمية']),
  ('ar', ARRAY['وحدة الاستخبارات المالية', 'وحدة التحريات المالية']),
  ('zh', ARRAY['引渡', '移交逃犯']),
  ('zh', ARRAY['司法协助', '刑事司法协助', '司法互助']),
  ('zh', ARRAY['联合调查组', '联合侦查组']),
  ('zh', ARRAY['电子证据', '数字证据']),
  ('zh', ARRAY['金融情报机构', '金融情报中心']);

-- The words of the indexed texts (exact analysis, palermo_simple), which "did you mean" compares a
-- query word with by trigram similarity. Only grows (a word no entry holds any more is checked
-- against the documents before it is suggested).
CREATE TABLE search_vocabulary (
  word text PRIMARY KEY CHECK (char_length(word) BETWEEN 3 AND 40)
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (word gin_trgm_ops);
COMMENT ON TABLE search_vocabulary IS 'Words of the indexed texts as the exact analysis (palermo_simple) writes them, for spelling suggestions; written with the search documents, only grows';
COMMENT ON COLUMN search_vocabulary.word IS 'A lower-cased, accent-folded word of 3 to 40 letters';
COMMENT ON INDEX search_vocabulary_trgm_idx IS 'Finds the words most similar to a query word (pg_trgm)';

-- Words of the documents already indexed (their vectors hold stems too: those are words a query finds as well).
INSERT INTO search_vocabulary (word)
SELECT word FROM ts_stat('SELECT document FROM search_match')
WHERE char_length(word) BETWEEN 3 AND 40 AND word !~ '[0-9_./:@-]'
ON CONFLICT DO NOTHING;
