import { EntityManager } from 'typeorm';

/**
 * Serialises handlers whose needs and offers share a skill. Without it, a need and an offer
 * arriving at the same moment on different consumers could miss each other: the need's
 * transaction does not yet see the offer, the offer's does not yet see the need, and both commit.
 * With a transaction-scoped advisory lock per skill (taken in a fixed order, so two handlers
 * cannot deadlock on them), the later one waits and then sees the other's commit.
 */
export async function lockSkills(manager: EntityManager, skillUris: readonly string[]): Promise<void> {
  if (!skillUris.length) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext('skill:' || u) AS k FROM unnest($1::text[]) AS u ORDER BY 1) AS keys`,
    [[...new Set(skillUris)]],
  );
}

/** The skills a need or offer currently holds in the read model (to lock the old set as well as the new). */
export async function heldSkills(manager: EntityManager, schema: string, table: 'need_view' | 'offer_view', id: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT skill_uris FROM "${schema}".${table} WHERE id = $1`, [id])) as Array<{ skill_uris: string[] }>;
  return rows[0]?.skill_uris ?? [];
}
