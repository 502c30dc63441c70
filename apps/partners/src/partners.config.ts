import { IsBoolean } from 'class-validator';
import { ServiceConfig } from '@bildungsraum/platform';
import { ToBoolean } from '@bildungsraum/platform';

/** Environment of the partners service: the platform's settings plus its own. */
export class PartnersConfig extends ServiceConfig {
  /** Replicas that should only serve HTTP can leave the relay to others (`false`). */
  @ToBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;
}
