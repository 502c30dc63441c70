import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { NeedExpired, NeedFulfilled, NeedSnapshotV1, NeedSubmitted, NeedUpdated, NeedWithdrawn } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { processOnce } from '@bildungsraum/persistence';
import { MATCHING_CONSUMER, MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { heldSkills, lockSkills } from '../../shared/infra/skill-locks';
import { NeedSkillReader, TextSkill } from '../../skills/need-skill-reader';
import { readModels } from '../infra/read-models';
import { Rematcher } from '../infra/rematcher';

/**
 * A need arrives or changes: store it (newest version wins) with the skills read from its text,
 * then re-match it in the same transaction. A closed need (withdrawn, expired, fulfilled)
 * withdraws its open proposals.
 */
@Controller()
export class NeedEventsHandler {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly skills: NeedSkillReader,
    private readonly rematcher: Rematcher,
  ) {}

  @EventPattern(NeedSubmitted.type) submitted(@Payload() d: NeedSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.need(d, c); }
  @EventPattern(NeedUpdated.type) updated(@Payload() d: NeedSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.need(d, c); }
  @EventPattern(NeedWithdrawn.type) withdrawn(@Payload() d: NeedSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.need(d, c); }
  @EventPattern(NeedFulfilled.type) fulfilled(@Payload() d: NeedSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.need(d, c); }
  @EventPattern(NeedExpired.type) expired(@Payload() d: NeedSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.need(d, c); }

  private async need(data: NeedSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    // Reading the text queries the taxonomy (30–150 ms): done before the transaction, not holding its locks.
    const textSkills: TextSkill[] = await this.skills.read(data.description);
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      const s = schemaOfManager(manager);
      await lockSkills(manager, [...(await heldSkills(manager, s, 'need_view', data.id)), ...data.skillUris, ...textSkills.map((skill) => skill.uri)]);
      if ((await readModels.upsertNeed(manager, data, textSkills)) === 'stale') return;
      await this.rematcher.rematchNeed(manager, data.id);
    });
  }
}
