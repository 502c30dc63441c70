import { BaseRpcContext } from '@nestjs/microservices';
import { CloudEvent } from '@bildungsraum/contracts';

/**
 * Second argument of an `@EventPattern` handler (`@Ctx()`): the whole envelope, for the event id
 * (inbox), correlation id and aggregate version, and the attempt number.
 */
export class JetStreamEventContext extends BaseRpcContext<[CloudEvent, number]> {
  constructor(event: CloudEvent, deliveryCount: number) {
    super([event, deliveryCount]);
  }

  get event(): CloudEvent {
    return this.args[0];
  }

  /** 1 on the first attempt. */
  get deliveryCount(): number {
    return this.args[1];
  }
}
