-- Judicial cooperation networks supported by UNODC (docs/NETWORKS.md): each network's secretariat
-- keeps a log of the cases it facilitated between a requesting and a requested State; figures per
-- year and per network are public (as in the Secretariat's reports), the log itself is not.
-- A new role, network_secretariat, scoped to one network: its network id is held in
-- user_roles.authority_id (the secretariat acts as the network's authority).

ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN ('practitioner', 'curator', 'focal_point', 'authority_officer', 'authority_supervisor', 'administrator', 'network_secretariat'));
ALTER TABLE user_roles DROP CONSTRAINT user_roles_check1;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_check1 CHECK ((role IN ('authority_officer', 'authority_supervisor', 'network_secretariat')) = (authority_id IS NOT NULL));
COMMENT ON COLUMN user_roles.role IS 'practitioner, curator, focal_point, authority_officer, authority_supervisor, administrator or network_secretariat';
COMMENT ON COLUMN user_roles.authority_id IS 'Authority of an authority officer or supervisor (identifier in the directory), or the network of a network secretariat (networks.id); NULL for other roles';

CREATE TABLE networks (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,40}$'),
  acronym text NOT NULL CHECK (length(acronym) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 400),
  region text NOT NULL CHECK (length(region) BETWEEN 1 AND 200)
);
COMMENT ON TABLE networks IS 'Judicial cooperation networks supported by UNODC whose secretariats log the cases they facilitate';
COMMENT ON COLUMN networks.id IS 'Stable identifier (also the scope of a network_secretariat role)';
COMMENT ON COLUMN networks.acronym IS 'Short name used in reports (e.g. WACAP)';
COMMENT ON COLUMN networks.name IS 'Full name in English';
COMMENT ON COLUMN networks.region IS 'Region the network serves, in English';

INSERT INTO networks (id, acronym, name, region) VALUES
  ('casc', 'CASC', 'Network of Prosecutors and Central Authorities from Source, Transit and Destination Countries in response to Transnational Organized Crime in Central Asia and Southern Caucasus', 'Central Asia and the South Caucasus'),
  ('wacap', 'WACAP', 'West African Network of Central Authorities and Prosecutors against Organized Crime', 'West Africa'),
  ('seajust', 'SEAJust', 'South East Asia Justice Network', 'South-East Asia');

CREATE TABLE network_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id text NOT NULL REFERENCES networks (id),
  requesting_country text NOT NULL REFERENCES countries (iso3),
  requested_country text NOT NULL REFERENCES countries (iso3) CHECK (requested_country <> requesting_country),
  kind text NOT NULL CHECK (kind IN ('mla', 'extradition', 'transfer_proceedings', 'transfer_sentenced', 'confiscation', 'other')),
  offence text NOT NULL CHECK (length(offence) BETWEEN 1 AND 120),
  facilitated_on date NOT NULL,
  concluded_on date CHECK (concluded_on IS NULL OR concluded_on >= facilitated_on),
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'executed', 'partially_executed', 'refused', 'withdrawn', 'other')),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE network_cases IS 'Cases a network facilitated, logged by its secretariat (no names of persons: figures only)';
COMMENT ON COLUMN network_cases.id IS 'Identifier';
COMMENT ON COLUMN network_cases.network_id IS 'The network that facilitated the case';
COMMENT ON COLUMN network_cases.requesting_country IS 'Requesting State (ISO alpha-3, a State of the UN lists)';
COMMENT ON COLUMN network_cases.requested_country IS 'Requested State (ISO alpha-3, a State of the UN lists)';
COMMENT ON COLUMN network_cases.kind IS 'Kind of cooperation: mla, extradition, transfer_proceedings, transfer_sentenced, confiscation, other';
COMMENT ON COLUMN network_cases.offence IS 'Offence: a code of the reference taxonomy crime';
COMMENT ON COLUMN network_cases.facilitated_on IS 'When the network was asked to facilitate (its year counts the case in the figures)';
COMMENT ON COLUMN network_cases.concluded_on IS 'When the outcome was known (NULL while pending)';
COMMENT ON COLUMN network_cases.outcome IS 'pending, executed, partially_executed, refused, withdrawn, other';
COMMENT ON COLUMN network_cases.recorded_by IS 'Secretariat user who logged it';
COMMENT ON COLUMN network_cases.recorded_at IS 'When it was logged';
CREATE INDEX network_cases_network_idx ON network_cases (network_id, facilitated_on);
COMMENT ON INDEX network_cases_network_idx IS 'Log of a network in date order, and the figures per year';
