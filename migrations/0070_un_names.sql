-- UN names of States and areas (UNTERM, UNSD M49) and the kind of each place: States (Member,
-- observer and other non-member States, organizations party to an instrument) apart from areas.

ALTER TABLE countries
  ADD COLUMN kind text NOT NULL DEFAULT 'area'
    CHECK (kind IN ('member_state', 'observer_state', 'non_member_state', 'organization', 'area_own_regime', 'area')),
  ADD COLUMN formal_names jsonb CHECK (formal_names IS NULL OR jsonb_typeof(formal_names) = 'object');

COMMENT ON TABLE countries IS 'States and areas of UN M49 (ISO 3166-1 codes) with their M49 classification and kind';
COMMENT ON COLUMN countries.kind IS 'member_state (UN Member State), observer_state (non-member observer State, UNTERM note *), non_member_state (other State with treaty-making capacity, UNTERM note **), organization (regional economic integration organization party to an instrument), area_own_regime (area with its own cooperation regime: Hong Kong SAR, Macao SAR), area (any other area; never offered as a State)';
COMMENT ON COLUMN countries.names IS 'Short names by language tag {"ar","zh","en","fr","es","ru"}: UNTERM short names for States (without the trailing article), UNSD M49 names for areas';
COMMENT ON COLUMN countries.formal_names IS 'UNTERM formal names of States by language tag, without the leading article; null for areas';
COMMENT ON COLUMN regions.names IS 'Names by language tag {"ar","zh","en","fr","es","ru"}, from the UNSD M49 tables';
