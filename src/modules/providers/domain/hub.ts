/**
 * The fixed parts of the e-evidence hub: the model forms of the request writer it links to, and the
 * checklists with their items. The checklist texts are catalogue strings (messages/providers.<lang>.json:
 * cl_<kind>_<n>), translated and corrected like every other string, without a code change.
 */

/** Kinds of request the writer drafts (/{lang}/writer/new?kind=…), in the order the hub lists them. */
export const WRITER_KINDS = ['preservation', 'voluntary_disclosure', 'emergency_disclosure', 'stored_data_mla', 'realtime_collection'] as const;
export type WriterKind = (typeof WRITER_KINDS)[number];

export const CHECKLISTS = ['preservation', 'disclosure', 'emergency'] as const;
export type ChecklistKind = (typeof CHECKLISTS)[number];

/** How many items each checklist has (catalogue keys cl_<kind>_1 … cl_<kind>_<n>). */
export const CHECKLIST_ITEMS: Record<ChecklistKind, number> = { preservation: 8, disclosure: 10, emergency: 7 };

export function isChecklist(value: string): value is ChecklistKind {
  return (CHECKLISTS as readonly string[]).includes(value);
}
