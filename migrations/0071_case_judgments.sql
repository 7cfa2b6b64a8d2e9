-- Judgments imported from Akoma Ntoso (<judgment>): the neutral citation, the parties and the judges
-- of a case. The judgment's text, numbered paragraphs included, is the body of the case's language
-- version (entry_texts.body); the case page links each numbered paragraph (#para-N).
ALTER TABLE cases
  ADD COLUMN neutral_citation text CHECK (length(neutral_citation) <= 200),
  ADD COLUMN parties jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(parties) = 'array'),
  ADD COLUMN judges jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(judges) = 'array');
COMMENT ON COLUMN cases.neutral_citation IS 'Neutral citation given by the court, e.g. [2020] EWCA Civ 611 (ECLI is in ecli)';
COMMENT ON COLUMN cases.parties IS 'Parties as a JSON array of {"name","role"} (role as the decision names it: Appellant, Respondent...)';
COMMENT ON COLUMN cases.judges IS 'Judges who decided, as a JSON array of names as written in the decision';
