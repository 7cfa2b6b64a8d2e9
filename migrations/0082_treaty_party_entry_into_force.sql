-- Issue 12: the date UNTOC, its Protocols and UNCAC entered into force for each State, for the
-- parties written by the depositary status import (0067) before the importer computed it. The
-- importer now computes it (src/modules/legalbasis/domain/entry-into-force.ts: the later of the
-- thirtieth day after the deposit of the State's instrument and the instrument's own entry into
-- force; UNTOC art. 38(2), Protocols arts. 17(2), 22(2), 18(2), UNCAC art. 68(2)); this fills the
-- rows already imported with the same rule, once. Successions get no date (the date of the
-- succession of States is not in the depositary's table). Rows with a date are left alone.
UPDATE treaty_parties AS p
SET entry_into_force_on = GREATEST(p.consent_on + 30, t.entry_into_force_on),
    updated_at = now()
FROM treaties AS t, treaty_status_sources AS s
WHERE t.entry_id = p.treaty_id
  AND s.treaty_id = p.treaty_id
  AND p.treaty_id IN ('untoc', 'untoc-tip', 'untoc-som', 'untoc-firearms', 'uncac')
  AND p.demo = false
  AND p.consent_on IS NOT NULL
  AND p.consent_kind <> 'succession'
  AND p.entry_into_force_on IS NULL
  AND t.entry_into_force_on IS NOT NULL;
