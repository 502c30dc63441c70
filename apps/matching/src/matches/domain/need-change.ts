import { NeedSnapshotV1 } from '@bildungsraum/contracts';

/**
 * Fields matching never acts on. The needs service publishes a new version when only these change
 * (e.g. `submitted` → `matched` after matching's own proposal): re-matching then would find the
 * same proposals again, at the price of a full retrieval. `changeKind` and `reasonCode` belong to
 * the event (updated, withdrawn) rather than to the need.
 */
const NOT_ACTED_ON: readonly string[] = ['version', 'status', 'submittedAt', 'updatedAt', 'changeKind', 'reasonCode'];

/** Whether `next` can change the need's matches, bundles or gaps compared with `previous`. */
export function needChangeMatters(previous: NeedSnapshotV1, next: NeedSnapshotV1, isOpen: (status: NeedSnapshotV1['status']) => boolean): boolean {
  if (isOpen(previous.status) !== isOpen(next.status)) return true;
  return canonical(actedOn(previous)) !== canonical(actedOn(next));
}

function actedOn(need: NeedSnapshotV1): Record<string, unknown> {
  const fields = { ...need } as Record<string, unknown>;
  for (const field of NOT_ACTED_ON) delete fields[field];
  return fields;
}

/** JSON with object keys sorted, so two snapshots that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
