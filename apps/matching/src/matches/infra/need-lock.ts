import { EntityManager } from 'typeorm';
import { heldSkills, lockSkills } from '../../shared/infra/skill-locks';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { loadNeed, NeedRecord } from './need-records';

/**
 * A need about to be re-matched outside its own events (an answer to a proposal, a skill
 * correction): its skills locked first, then its row – the order the need and offer handlers take
 * them in, so none of them waits for another in a circle. `adding`: skills the change will give
 * the need (locked with the others). Should its skills have changed between reading them and
 * locking the row, those are locked too before anything else is read.
 */
export async function lockNeedForRematch(manager: EntityManager, needId: string, adding: readonly string[] = []): Promise<NeedRecord | undefined> {
  const held = [...(await heldSkills(manager, schemaOfManager(manager), 'need_view', needId)), ...adding];
  await lockSkills(manager, held);
  const need = await loadNeed(manager, needId, { forUpdate: true });
  await lockSkills(manager, (need?.skillUris ?? []).filter((uri) => !held.includes(uri)));
  return need;
}
