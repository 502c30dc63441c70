import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, createEvent, GapClosed, GapDetected, GapSnapshotV1 } from '@bildungsraum/contracts';
import { currentCause } from '@bildungsraum/platform';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { gapChange } from '../domain/bundle-rules';
import { CoreSkills, demandGroups } from '../domain/core-skills';
import { districtName } from './district-names';
import { skillGroupsOf } from './skill-groups';

export interface GapKey {
  districtKey: string;
  skillGroup: string;
}

export interface GapDemandFacts {
  id: string;
  companyId: string;
  participants: number;
  districtKey: string;
  targetGroups: readonly string[];
  /** The need's core skills (coreSkills): what it asks for, not what retrieval widened it to. */
  core: CoreSkills;
  open: boolean;
}

/**
 * Demand without a reachable offer, per district (of the need's site) and skill group: a need that
 * fits no course date at all adds one row per ESCO skill group its core skills fall in (with its
 * skills of that group; demandGroups), so neighbouring skills ("operate forklift", "conduct forklift
 * inspections") are one gap and the need counts once in it.
 */
export const gapKeeper = {
  async replaceDemand(manager: EntityManager, need: GapDemandFacts, unserved: boolean): Promise<GapKey[]> {
    const s = schemaOfManager(manager);
    const before = (await manager.query(`SELECT district_key AS "districtKey", skill_group AS "skillGroup" FROM "${s}".gap_demand WHERE need_id = $1`, [need.id])) as GapKey[];
    await manager.query(`DELETE FROM "${s}".gap_demand WHERE need_id = $1`, [need.id]);
    const demand = need.open && unserved && need.core.uris.length;
    const groups = demand ? demandGroups(need.core, await skillGroupsOf(manager, need.core.uris)) : new Map<string, string[]>();
    const now = [...groups.keys()].map((skillGroup) => ({ districtKey: need.districtKey, skillGroup }));
    for (const [skillGroup, skillUris] of groups) {
      await manager.query(
        `INSERT INTO "${s}".gap_demand (need_id, skill_group, skill_uris, district_key, company_id, participants, target_groups) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [need.id, skillGroup, [...skillUris].sort(), need.districtKey, need.companyId, need.participants, need.targetGroups],
      );
    }
    const keys = new Map([...before, ...now].map((key) => [`${key.districtKey}|${key.skillGroup}`, key]));
    return [...keys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, key]) => key);
  },

  async recompute(manager: EntityManager, key: GapKey): Promise<CloudEvent | undefined> {
    const s = schemaOfManager(manager);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`gap:${key.districtKey}:${key.skillGroup}`]);
    const rows = (await manager.query(
      `SELECT need_id, company_id, participants, target_groups, skill_uris FROM "${s}".gap_demand WHERE district_key = $1 AND skill_group = $2 ORDER BY need_id`,
      [key.districtKey, key.skillGroup],
    )) as Array<{ need_id: string; company_id: string; participants: number; target_groups: string[]; skill_uris: string[] }>;
    const [previous] = (await manager.query(`SELECT id, version, status, skill_uris FROM "${s}".gaps WHERE district_key = $1 AND skill_group = $2`, [key.districtKey, key.skillGroup])) as Array<{
      id: string;
      version: number;
      status: 'open' | 'closed';
      skill_uris: string[];
    }>;
    const change = gapChange(previous?.status, rows.length);
    // The skills the gap was about since it opened: a closing gap has no demand left to name them.
    const current = rows.flatMap((row) => row.skill_uris);
    const skillUris = [...new Set(change.event === 'detected' ? current : [...(previous?.skill_uris ?? []), ...current])].sort();
    if (!change.event) {
      if (previous?.status === 'open' && skillUris.join() !== previous.skill_uris.join()) {
        await manager.query(`UPDATE "${s}".gaps SET skill_uris = $2 WHERE id = $1`, [previous.id, skillUris]);
      }
      return undefined;
    }
    const snapshot: GapSnapshotV1 = {
      id: previous?.id ?? randomUUID(),
      version: (previous?.version ?? 0) + 1,
      status: change.status,
      districtKey: key.districtKey,
      ...districtFields(key.districtKey),
      skillGroup: key.skillGroup,
      ...(await groupLabel(manager, key.skillGroup)),
      skillUris,
      targetGroups: [...new Set(rows.flatMap((row) => row.target_groups))].sort(),
      participants: rows.reduce((sum, row) => sum + row.participants, 0),
      companies: new Set(rows.map((row) => row.company_id)).size,
      needIds: rows.map((row) => row.need_id),
    };
    await manager.query(
      `INSERT INTO "${s}".gaps (id, version, district_key, skill_group, status, skill_uris) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, skill_uris = EXCLUDED.skill_uris, updated_at = now()`,
      [snapshot.id, snapshot.version, key.districtKey, key.skillGroup, snapshot.status, skillUris],
    );
    return createEvent(change.event === 'detected' ? GapDetected : GapClosed, snapshot.id, snapshot, currentCause());
  },
};

function districtFields(key: string): Pick<GapSnapshotV1, 'districtName' | 'districtKind'> {
  const district = districtName(key);
  return district ? { districtName: district.name, ...(district.kind ? { districtKind: district.kind } : {}) } : {};
}

async function groupLabel(manager: EntityManager, skillGroup: string): Promise<Pick<GapSnapshotV1, 'skillGroupLabel'>> {
  const [row] = (await manager.query(`SELECT pref_label_de AS de, pref_label_en AS en FROM "${schemaOfManager(manager)}".ref_skill WHERE uri = $1`, [skillGroup])) as Array<{ de: string | null; en: string | null }>;
  if (!row || (!row.de && !row.en)) return {};
  return { skillGroupLabel: { ...(row.de ? { de: row.de } : {}), ...(row.en ? { en: row.en } : {}) } };
}
