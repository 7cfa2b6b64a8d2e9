-- Labels and scope notes changed by curators (editorial workflow) survive reloads of the reference data.
ALTER TABLE taxonomy_terms ADD COLUMN edited_at timestamptz;

COMMENT ON COLUMN taxonomy_terms.edited_at IS 'When curators last published new labels or scope notes for this term (null: as shipped in the reference data). A reference reload keeps the labels and scope notes of edited terms and updates only their position and legal reference';
