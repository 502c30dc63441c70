import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  NetworkCreated,
  NetworkSnapshotV1,
  NetworkUpdated,
  PartnerDeactivated,
  PartnerRegistered,
  PartnerRejected,
  PartnerSnapshotV1,
  PartnerUpdated,
  PartnerVerified,
} from '@bildungsraum/contracts';
import { JetStreamEventContext } from './jetstream-event-context';

/**
 * Every service that keeps a read model of partners listens to the same five partner events,
 * each carrying the full snapshot. A service's handler extends this class (and is a Nest
 * `@Controller()`): the event patterns are declared once here, the service says only what a
 * snapshot means to it. Nest finds the inherited `@EventPattern` methods on the prototype chain.
 */
export abstract class PartnerSnapshotHandlers {
  /** Called for registered, updated, verified, rejected and deactivated alike: newest snapshot wins. */
  protected abstract onPartner(partner: PartnerSnapshotV1, context: JetStreamEventContext): Promise<void>;

  @EventPattern(PartnerRegistered.type)
  partnerRegistered(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onPartner(partner, context);
  }

  @EventPattern(PartnerUpdated.type)
  partnerUpdated(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onPartner(partner, context);
  }

  @EventPattern(PartnerVerified.type)
  partnerVerified(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onPartner(partner, context);
  }

  @EventPattern(PartnerRejected.type)
  partnerRejected(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onPartner(partner, context);
  }

  @EventPattern(PartnerDeactivated.type)
  partnerDeactivated(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onPartner(partner, context);
  }
}

/** Partner snapshots plus network snapshots (created, updated), for services that need networks too. */
export abstract class PartnerDirectoryHandlers extends PartnerSnapshotHandlers {
  protected abstract onNetwork(network: NetworkSnapshotV1, context: JetStreamEventContext): Promise<void>;

  @EventPattern(NetworkCreated.type)
  networkCreated(@Payload() network: NetworkSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onNetwork(network, context);
  }

  @EventPattern(NetworkUpdated.type)
  networkUpdated(@Payload() network: NetworkSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.onNetwork(network, context);
  }
}
