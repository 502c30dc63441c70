import { EntityManager } from 'typeorm';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { GapView } from './gap.view';
import { GapFilters } from './gaps.query';
import { decodeCursor, encodeCursor, GAP_CURSOR } from './keyset-cursor';
import { SqlParams } from './sql-params';
import { districtName } from '../infra/district-names';

interface GapRow {
  id: string;
  version: number;
  status: 'open' | 'closed';
  district_key: string;
  skill_group: string;
  label_de: string | null;
  label_en: string | null;
  target_groups: string[];
  participants: number;
  companies: number;
  needs: number;
  updated_at: Date;
}

export interface GapSelection extends GapFilters {
  /** Districts the caller may see; `undefined` = all (operators). */
  scope?: readonly string[];
  /** Exclusive start (district, skill group) from a cursor. */
  cursor?: string;
  limit: number;
}

export interface GapPage {
  items: GapView[];
  nextCursor?: string;
}

/**
 * The gap report: gaps with their open demand (participants, companies, needs, target groups)
 * summed from gap_demand, ordered by district and skill group (keyset over that unique pair).
 */
export async function readGaps(manager: EntityManager, selection: GapSelection & { id?: string }): Promise<GapPage> {
  const s = schemaOfManager(manager);
  const p = new SqlParams();
  const where: string[] = [];
  const demandOf = (alias: string) => `${alias}.district_key = g.district_key AND ${alias}.skill_group = g.skill_group`;
  if (selection.scope) where.push(`g.district_key = ANY(${p.add(selection.scope)}::text[])`);
  if (selection.id) where.push(`g.id = ${p.add(selection.id)}`);
  if (selection.district) where.push(`g.district_key = ${p.add(selection.district)}`);
  if (selection.status) where.push(`g.status = ${p.add(selection.status)}`);
  if (selection.skill) {
    const skill = p.add(selection.skill);
    where.push(`(g.skill_group = ${skill} OR EXISTS (SELECT 1 FROM "${s}".gap_demand x WHERE ${demandOf('x')} AND ${skill} = ANY(x.skill_uris)))`);
  }
  if (selection.targetGroup) where.push(`EXISTS (SELECT 1 FROM "${s}".gap_demand x WHERE ${demandOf('x')} AND ${p.add(selection.targetGroup)} = ANY(x.target_groups))`);
  if (selection.cursor) {
    const [district, skillGroup] = decodeCursor(selection.cursor, GAP_CURSOR);
    where.push(`(g.district_key, g.skill_group) > (${p.add(district)}, ${p.add(skillGroup)})`);
  }
  const rows = (await manager.query(
    `SELECT g.id, g.version, g.status, g.district_key, g.skill_group, g.updated_at,
            r.pref_label_de AS label_de, r.pref_label_en AS label_en,
            coalesce(d.participants, 0) AS participants, coalesce(d.companies, 0) AS companies, coalesce(d.needs, 0) AS needs,
            coalesce((SELECT array_agg(DISTINCT t ORDER BY t) FROM "${s}".gap_demand x, unnest(x.target_groups) t WHERE ${demandOf('x')}), '{}') AS target_groups
       FROM "${s}".gaps g
       LEFT JOIN "${s}".ref_skill r ON r.uri = g.skill_group
       LEFT JOIN LATERAL (
         SELECT sum(x.participants)::int AS participants, count(DISTINCT x.company_id)::int AS companies, count(*)::int AS needs
           FROM "${s}".gap_demand x WHERE ${demandOf('x')}
       ) d ON true
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY g.district_key, g.skill_group
      LIMIT ${p.add(selection.limit + 1)}`,
    p.values,
  )) as GapRow[];
  const page = rows.slice(0, selection.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toGapView),
    ...(rows.length > selection.limit && last ? { nextCursor: encodeCursor([last.district_key, last.skill_group]) } : {}),
  };
}

function toGapView(row: GapRow): GapView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    districtKey: row.district_key,
    ...districtNameOf(row.district_key),
    skillGroup: row.skill_group,
    skillLabel: { ...(row.label_de ? { de: row.label_de } : {}), ...(row.label_en ? { en: row.label_en } : {}) },
    targetGroups: row.target_groups,
    participants: row.participants,
    companies: row.companies,
    needs: row.needs,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** "Landkreis Waldeck-Frankenberg" where the reference data names the district; the key alone otherwise. */
function districtNameOf(key: string): { districtName?: string } {
  const district = districtName(key);
  return district ? { districtName: `${district.kind ?? 'Landkreis'} ${district.name}` } : {};
}
