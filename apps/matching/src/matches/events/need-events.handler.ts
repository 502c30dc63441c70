import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { NeedExpired, NeedFulfilled, NeedSnapshotV1, NeedSubmitted, NeedUpdated, NeedWithdrawn } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { processOnce } from '@bildungsraum/persistence';
import { MATCHING_CONSUMER, MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { lockSkills } from '../../shared/infra/skill-locks';
import { NeedSkillReader, TextSkill } from '../../skills/need-skill-reader';
import { needChangeMatters } from '../domain/need-change';
import { loadNeed } from '../infra/need-records';
import { OPEN_NEED_STATUSES, readModels } from '../infra/read-models';
import { Rematcher } from '../infra/rematcher';

/**
 * A need arrives or changes: store it (newest version wins) with the skills read from its text,
 * then re-match it in the same transaction. A closed need (withdrawn, expired, fulfilled)
 * withdraws its open proposals. A version that changes nothing matching acts on (the status
 * moving on after matching's own proposal) is stored without reading or re-matching anything.
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
    // Reading the text queries the taxonomy (30–150 ms): done before the transaction, not holding
    // its locks, and only when the text is new (the same text reads the same).
    const held = await loadNeed(this.dataSource.manager, data.id);
    const textSkills: TextSkill[] = held && held.snapshot.description === data.description ? held.textSkills : await this.skills.read(data.description);
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      // The skills held before (as read above) and the new ones are locked; the row read after the
      // locks is the one that counts. Should its skills have changed in between (a correction
      // committed meanwhile), those are locked too before anything else is read.
      const locked = new Set([...(held?.skillUris ?? []), ...data.skillUris, ...textSkills.map((skill) => skill.uri)]);
      await lockSkills(manager, [...locked]);
      const previous = await loadNeed(manager, data.id);
      const unlocked = (previous?.skillUris ?? []).filter((uri) => !locked.has(uri));
      if (unlocked.length) await lockSkills(manager, unlocked);
      const stored = await readModels.upsertNeed(manager, data, textSkills, previous?.corrections);
      if (stored === 'stale') return;
      if (previous && !needChangeMatters(previous.snapshot, data, isOpen)) return;
      // The row just written is the need the re-match works on (and is locked by that write).
      await this.rematcher.rematchNeed(manager, data.id, stored);
    });
  }
}

const isOpen = (status: NeedSnapshotV1['status']): boolean => OPEN_NEED_STATUSES.includes(status);
