-- The home page lists recently updated entries; without this index that is a full scan.
CREATE INDEX entries_updated_idx ON entries (updated_at DESC, id);
