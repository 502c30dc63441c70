import { EntityManager } from 'typeorm';
import { NeedSnapshotV1 } from '@bildungsraum/contracts';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { SkillCorrections } from '../../skills/domain/skill-corrections';
import { TextSkill } from '../../skills/need-skill-reader';

/** A need as matching holds it: its snapshot, the skills it is matched on and what partners report of its company. */
export interface NeedRecord {
  id: string;
  version: number;
  open: boolean;
  snapshot: NeedSnapshotV1;
  skillUris: string[];
  textSkills: TextSkill[];
  corrections: SkillCorrections;
  /** The company's head count as partners last reported it (funding reads it before the need's own figure). */
  companyEmployees?: number;
}

type NeedRow = { id: string; version: number; open: boolean; snapshot: NeedSnapshotV1; skill_uris: string[]; text_skills: TextSkill[]; skill_corrections: SkillCorrections; company_employees: number | null };

const toNeed = (row: NeedRow): NeedRecord => ({
  id: row.id,
  version: row.version,
  open: row.open,
  snapshot: row.snapshot,
  skillUris: row.skill_uris,
  textSkills: row.text_skills,
  corrections: row.skill_corrections,
  ...(row.company_employees !== null ? { companyEmployees: row.company_employees } : {}),
});

/** A need row's columns as loadNeed returns them, with its company's head count from partners. */
const needColumns = (s: string) =>
  `id, version, open, snapshot, skill_uris, text_skills, skill_corrections, (SELECT p.employees FROM "${s}".partner_view p WHERE p.id = need_view.company_id) AS company_employees`;

export async function loadNeed(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<NeedRecord | undefined> {
  const rows = (await manager.query(
    `SELECT ${needColumns(schemaOfManager(manager))} FROM "${schemaOfManager(manager)}".need_view WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  )) as NeedRow[];
  return rows[0] && toNeed(rows[0]);
}

/** Several needs in one query (the open needs a new offer may concern). */
export async function loadNeeds(manager: EntityManager, ids: readonly string[]): Promise<NeedRecord[]> {
  if (!ids.length) return [];
  const rows = (await manager.query(
    `SELECT ${needColumns(schemaOfManager(manager))} FROM "${schemaOfManager(manager)}".need_view WHERE id = ANY($1::uuid[])`,
    [[...ids]],
  )) as NeedRow[];
  return rows.map(toNeed);
}
