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
/** A need's demand row as it was removed (removeDemandSql). */
export type RemovedDemand = GapKey & { skill_uris: string[]; company_id: string; participants: number; target_groups: string[] };

/** Removes the demand rows of need $1 and returns them (RemovedDemand): usable as a CTE of another statement. */
export const removeDemandSql = (s: string) =>
  `DELETE FROM "${s}".gap_demand WHERE need_id = $1 RETURNING district_key AS "districtKey", skill_group AS "skillGroup", skill_uris, company_id, participants, target_groups`;

export const gapKeeper = {
  /**
   * Replaces the need's demand rows and returns the events of the gaps that changed. Set-wise: the
   * old rows go in one statement (returned; `removed`: already removed by the caller's statement),
   * the new ones come with the locks of every gap either
   * touches (fixed order) in the next, then one read and one write for all those gaps. A row that
   * stays exactly as it was changes no gap and is not recomputed.
   */
  async replaceDemand(manager: EntityManager, need: GapDemandFacts, unserved: boolean, removed?: readonly RemovedDemand[]): Promise<CloudEvent[]> {
    const s = schemaOfManager(manager);
    const before = removed ?? ((await manager.query(`WITH gone AS (${removeDemandSql(s)}) SELECT * FROM gone`, [need.id])) as RemovedDemand[]);
    const demand = need.open && unserved && need.core.uris.length;
    const groups = demand ? demandGroups(need.core, await skillGroupsOf(manager, need.core.uris)) : new Map<string, string[]>();
    const now = [...groups].map(([skillGroup, skillUris]) => ({ districtKey: need.districtKey, skillGroup, skillUris: [...skillUris].sort() }));
    const same = (row: (typeof before)[number]) =>
      now.some((key) => key.districtKey === row.districtKey && key.skillGroup === row.skillGroup && key.skillUris.join() === [...row.skill_uris].sort().join()) &&
      row.company_id === need.companyId && row.participants === need.participants && row.target_groups.join() === need.targetGroups.join();
    const keyOf = (key: GapKey) => `${key.districtKey}|${key.skillGroup}`;
    const unchanged = new Set(before.filter(same).map(keyOf));
    const touched = [...new Map([...before, ...now].filter((key) => !unchanged.has(keyOf(key))).map((key) => [keyOf(key), { districtKey: key.districtKey, skillGroup: key.skillGroup }])).values()];
    if (!now.length && !touched.length) return [];
    await manager.query(
      `WITH added AS (
         INSERT INTO "${s}".gap_demand (need_id, skill_group, skill_uris, district_key, company_id, participants, target_groups)
         SELECT $1, g->>'skillGroup', ARRAY(SELECT jsonb_array_elements_text(g->'skillUris')), $2, $3, $4, $5 FROM jsonb_array_elements($6::jsonb) g
         RETURNING 1)
       SELECT (SELECT count(*) FROM added) AS added, (SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtext('gap:' || d || ':' || g) AS k FROM unnest($7::text[], $8::text[]) AS t(d, g) ORDER BY 1) keys) AS locked`,
      [need.id, need.districtKey, need.companyId, need.participants, [...need.targetGroups], JSON.stringify(now), touched.map((key) => key.districtKey), touched.map((key) => key.skillGroup)],
    );
    return touched.length ? gapKeeper.recompute(manager, touched) : [];
  },

  /** Recomputes the given gaps from their demand (the caller holds their locks) and returns the events of their changes. */
  async recompute(manager: EntityManager, keys: readonly GapKey[]): Promise<CloudEvent[]> {
    const s = schemaOfManager(manager);
    const gaps = (await manager.query(
      `SELECT k.d AS "districtKey", k.g AS "skillGroup", p.id, p.version, p.status, p.skill_uris, l.pref_label_de AS label_de, l.pref_label_en AS label_en,
              (SELECT coalesce(json_agg(json_build_object('need_id', r.need_id, 'company_id', r.company_id, 'participants', r.participants, 'target_groups', r.target_groups, 'skill_uris', r.skill_uris) ORDER BY r.need_id), '[]')
                 FROM "${s}".gap_demand r WHERE r.district_key = k.d AND r.skill_group = k.g) AS demand
         FROM unnest($1::text[], $2::text[]) AS k(d, g)
         LEFT JOIN "${s}".gaps p ON p.district_key = k.d AND p.skill_group = k.g
         LEFT JOIN "${s}".ref_skill l ON l.uri = k.g
        ORDER BY k.d, k.g`,
      [keys.map((key) => key.districtKey), keys.map((key) => key.skillGroup)],
    )) as Array<GapKey & { id: string | null; version: number | null; status: 'open' | 'closed' | null; skill_uris: string[] | null; label_de: string | null; label_en: string | null; demand: Array<{ need_id: string; company_id: string; participants: number; target_groups: string[]; skill_uris: string[] }> }>;
    const events: CloudEvent[] = [];
    const written: Array<{ id: string; version: number; districtKey: string; skillGroup: string; status: string; skillUris: string[] }> = [];
    for (const gap of gaps) {
      const rows = gap.demand;
      const previous = gap.id === null ? undefined : { id: gap.id, version: gap.version!, status: gap.status!, skill_uris: gap.skill_uris! };
      const change = gapChange(previous?.status, rows.length);
      // The skills the gap was about since it opened: a closing gap has no demand left to name them.
      const current = rows.flatMap((row) => row.skill_uris);
      const skillUris = [...new Set(change.event === 'detected' ? current : [...(previous?.skill_uris ?? []), ...current])].sort();
      if (!change.event) {
        if (previous?.status === 'open' && skillUris.join() !== previous.skill_uris.join()) written.push({ ...previous, districtKey: gap.districtKey, skillGroup: gap.skillGroup, skillUris });
        continue;
      }
      const snapshot: GapSnapshotV1 = {
        id: previous?.id ?? randomUUID(),
        version: (previous?.version ?? 0) + 1,
        status: change.status,
        districtKey: gap.districtKey,
        ...districtFields(gap.districtKey),
        skillGroup: gap.skillGroup,
        ...(gap.label_de || gap.label_en ? { skillGroupLabel: { ...(gap.label_de ? { de: gap.label_de } : {}), ...(gap.label_en ? { en: gap.label_en } : {}) } } : {}),
        skillUris,
        targetGroups: [...new Set(rows.flatMap((row) => row.target_groups))].sort(),
        participants: rows.reduce((sum, row) => sum + row.participants, 0),
        companies: new Set(rows.map((row) => row.company_id)).size,
        needIds: rows.map((row) => row.need_id),
      };
      written.push({ id: snapshot.id, version: snapshot.version, districtKey: gap.districtKey, skillGroup: gap.skillGroup, status: snapshot.status, skillUris });
      events.push(createEvent(change.event === 'detected' ? GapDetected : GapClosed, snapshot.id, snapshot, currentCause()));
    }
    if (written.length) {
      await manager.query(
        `INSERT INTO "${s}".gaps (id, version, district_key, skill_group, status, skill_uris)
         SELECT (r->>'id')::uuid, (r->>'version')::int, r->>'districtKey', r->>'skillGroup', r->>'status', ARRAY(SELECT jsonb_array_elements_text(r->'skillUris')) FROM jsonb_array_elements($1::jsonb) r
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, skill_uris = EXCLUDED.skill_uris, updated_at = now()`,
        [JSON.stringify(written)],
      );
    }
    return events;
  },
};

function districtFields(key: string): Pick<GapSnapshotV1, 'districtName' | 'districtKind'> {
  const district = districtName(key);
  return district ? { districtName: district.name, ...(district.kind ? { districtKind: district.kind } : {}) } : {};
}
