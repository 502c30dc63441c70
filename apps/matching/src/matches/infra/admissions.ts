import { EntityManager } from 'typeorm';
import { NeedSkill } from '../domain/match-facts';
import { schemaOfManager } from '../../shared/infra/matching-store';

/**
 * Each open need's admission score: the lowest score a new course date must reach to change
 * anything for it (enter its top proposals or bundle places, or give it a first fitting date),
 * with the skill weights it was computed from (the SQL side of an offer's reach bounds coverage
 * with them). No row: the need is re-matched by every offer that shares a skill and can reach it.
 */
export const admissions = {
  async save(manager: EntityManager, needId: string, admission: { score: number; skills: readonly NeedSkill[] } | undefined): Promise<void> {
    const s = schemaOfManager(manager);
    if (!admission || !Number.isFinite(admission.score)) {
      await manager.query(`DELETE FROM "${s}".need_admission WHERE need_id = $1`, [needId]);
      return;
    }
    await manager.query(
      `INSERT INTO "${s}".need_admission (need_id, score, skill_uris, skill_weights) VALUES ($1, $2, $3, $4)
       ON CONFLICT (need_id) DO UPDATE SET score = EXCLUDED.score, skill_uris = EXCLUDED.skill_uris, skill_weights = EXCLUDED.skill_weights`,
      [needId, admission.score, admission.skills.map((skill) => skill.uri), admission.skills.map((skill) => skill.weight)],
    );
  },

  async of(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, number>> {
    if (!needIds.length) return new Map();
    const rows = (await manager.query(`SELECT need_id, score FROM "${schemaOfManager(manager)}".need_admission WHERE need_id = ANY($1::uuid[])`, [[...needIds]])) as Array<{ need_id: string; score: number }>;
    return new Map(rows.map((row) => [row.need_id, Number(row.score)]));
  },
};
