import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { resolveActor } from '@bildungsraum/domain-kernel';
import type { Principal } from '@bildungsraum/platform';
import { directory } from '../../directory/infra/directory.repository';
import { Actor } from '../domain/actor';

/** Completes the token's principal from this service's read model of partners (see resolveActor). */
@Injectable()
export class ActorResolver {
  resolve(manager: EntityManager, principal: Principal): Promise<Actor> {
    return resolveActor(principal, (partnerId) => directory.coordinatedBy(manager, partnerId));
  }
}
