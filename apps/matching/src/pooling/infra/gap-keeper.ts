import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, createEvent, GapClosed, GapDetected, GapSnapshotV1 } from '@bildungsraum/contracts';
import { currentCause } from '@bildungsraum/platform';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { gapChange } from '../domain/bundle-rules';

export interface GapKey {
  districtKey: string;
  skillUri: string;
}

/**
 * Demand without a reachable offer, per district (of the need's site) and skill: a need that
 * fits no course date at all adds one row per skill it asks for. The skill URI is the "skill
 * group" for now (ESCO's broader groups would merge neighbouring skills; not done yet).
 */
export const gapKeeper = {
  async replaceDemand(
    manager: EntityManager,
    need: { id: string; companyId: string; participants: number; districtKey: string; targetGroups: readonly string[]; skillUris: readonly string[]; open: boolean },
    unserved: boolean,
  ): Promise<GapKey[]> {
    const s = schemaOfManager(manager);
    const before = (await manager.query(`SELECT district_key AS "districtKey", skill_uri AS "skillUri" FROM "${s}".gap_demand WHERE need_id = $1`, [need.id])) as GapKey[];
    await manager.query(`DELETE FROM "${s}".gap_demand WHERE need_id = $1`, [need.id]);
    const now = need.open && unserved ? need.skillUris.map((skillUri) => ({ districtKey: need.districtKey, skillUri })) : [];
    for (const key of now) {
      await manager.query(`INSERT INTO "${s}".gap_demand (need_id, skill_uri, district_key, company_id, participants, target_groups) VALUES ($1, $2, $3, $4, $5, $6)`, [
        need.id,
        key.skillUri,
        key.districtKey,
        need.companyId,
        need.participants,
        need.targetGroups,
      ]);
    }
    const keys = new Map([...before, ...now].map((key) => [`${key.districtKey}|${key.skillUri}`, key]));
    return [...keys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, key]) => key);
  },

  async recompute(manager: EntityManager, key: GapKey): Promise<CloudEvent | undefined> {
    const s = schemaOfManager(manager);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`gap:${key.districtKey}:${key.skillUri}`]);
    const rows = (await manager.query(
      `SELECT need_id, company_id, participants, target_groups FROM "${s}".gap_demand WHERE district_key = $1 AND skill_uri = $2 ORDER BY need_id`,
      [key.districtKey, key.skillUri],
    )) as Array<{ need_id: string; company_id: string; participants: number; target_groups: string[] }>;
    const [previous] = (await manager.query(`SELECT id, version, status FROM "${s}".gaps WHERE district_key = $1 AND skill_group = $2`, [key.districtKey, key.skillUri])) as Array<{ id: string; version: number; status: 'open' | 'closed' }>;
    const change = gapChange(previous?.status, rows.length);
    if (!change.event) return undefined;
    const snapshot: GapSnapshotV1 = {
      id: previous?.id ?? randomUUID(),
      version: (previous?.version ?? 0) + 1,
      status: change.status,
      districtKey: key.districtKey,
      skillGroup: key.skillUri,
      skillUris: [key.skillUri],
      targetGroups: [...new Set(rows.flatMap((row) => row.target_groups))].sort(),
      participants: rows.reduce((sum, row) => sum + row.participants, 0),
      companies: new Set(rows.map((row) => row.company_id)).size,
      needIds: rows.map((row) => row.need_id),
    };
    await manager.query(
      `INSERT INTO "${s}".gaps (id, version, district_key, skill_group, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, updated_at = now()`,
      [snapshot.id, snapshot.version, key.districtKey, key.skillUri, snapshot.status],
    );
    return createEvent(change.event === 'detected' ? GapDetected : GapClosed, snapshot.id, snapshot, currentCause());
  },
};
