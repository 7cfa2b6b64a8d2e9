-- Several app nodes on one database: what one node changes, every other node must see.
--
-- 1. Generations of cached data. Each node keeps some data in memory (reference labels today);
--    every change to the tables behind it increments a generation here, in the same transaction,
--    and a node reads the generations (one small read per request) and rebuilds what moved.
-- 2. Request rate limits counted in the database (one counter per client and window), so a client
--    spreading its requests over several nodes meets the same limit.

CREATE TABLE cache_generations (
  name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_.]*$' AND length(name) <= 60),
  generation bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE cache_generations IS 'Change counters of data that app nodes cache in memory; a node rebuilds its copy when the counter moved (docs/ARCHITECTURE.md, "Several app nodes")';
COMMENT ON COLUMN cache_generations.name IS 'What is cached, e.g. "reference" (countries, regions, taxonomy terms)';
COMMENT ON COLUMN cache_generations.generation IS 'Incremented by every statement that changes the underlying tables (statement-level triggers)';
COMMENT ON COLUMN cache_generations.changed_at IS 'When the generation last moved';

INSERT INTO cache_generations (name) VALUES ('reference');

CREATE FUNCTION cache_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cache_generations AS g (name) VALUES (TG_ARGV[0])
  ON CONFLICT (name) DO UPDATE SET generation = g.generation + 1, changed_at = now();
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION cache_generation_bump() IS 'Increments cache_generations.generation of the name given as trigger argument (statement-level triggers of cached tables)';

CREATE TRIGGER countries_cache_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('reference');
CREATE TRIGGER regions_cache_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('reference');
CREATE TRIGGER taxonomy_terms_cache_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON taxonomy_terms
  FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('reference');
COMMENT ON TRIGGER countries_cache_generation ON countries IS 'Moves the "reference" cache generation: every app node reloads its countries';
COMMENT ON TRIGGER regions_cache_generation ON regions IS 'Moves the "reference" cache generation: every app node reloads its regions';
COMMENT ON TRIGGER taxonomy_terms_cache_generation ON taxonomy_terms IS 'Moves the "reference" cache generation: every app node reloads its taxonomy labels';

-- Counters only matter for a minute: unlogged (no write-ahead log, not replicated, emptied after a
-- crash), which makes the per-request update cheap.
CREATE UNLOGGED TABLE rate_limit_windows (
  key text PRIMARY KEY CHECK (length(key) <= 200),
  hits integer NOT NULL CHECK (hits > 0),
  expires_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_windows_expires_idx ON rate_limit_windows (expires_at);
COMMENT ON TABLE rate_limit_windows IS 'Requests per client in the current rate-limit window, shared by every app node (@fastify/rate-limit store); expired rows are pruned by the nodes';
COMMENT ON COLUMN rate_limit_windows.key IS 'The client: its address as Fastify sees it (after TRUST_PROXY), IPv6 grouped by /64';
COMMENT ON COLUMN rate_limit_windows.hits IS 'Requests counted since the window started';
COMMENT ON COLUMN rate_limit_windows.expires_at IS 'End of the window; the next request after it starts a new window';
COMMENT ON INDEX rate_limit_windows_expires_idx IS 'Finds expired windows to prune';
