import { EntityManager } from 'typeorm';
import { GapView } from './gap.view';
import { readGaps, GapSelection } from './gap-report';

/** Every gap the selection finds, read in keyset pages (the report is districts × skills, not unbounded). */
export async function allGaps(manager: EntityManager, selection: Omit<GapSelection, 'cursor' | 'limit'>): Promise<GapView[]> {
  const gaps: GapView[] = [];
  let cursor: string | undefined;
  do {
    const page = await readGaps(manager, { ...selection, limit: 1000, ...(cursor ? { cursor } : {}) });
    gaps.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return gaps;
}
