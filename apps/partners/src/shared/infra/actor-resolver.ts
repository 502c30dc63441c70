import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, resolveActor } from '@bildungsraum/domain-kernel';
import type { Principal } from '@bildungsraum/platform';
import { networkRepository } from '../../networks/infra/network.repository';

/** Completes the token's principal from this service's read model of partners (see resolveActor). */
@Injectable()
export class ActorResolver {
  resolve(manager: EntityManager, principal: Principal): Promise<Actor> {
    return resolveActor(principal, (partnerId) => networkRepository.coordinatedBy(manager, partnerId));
  }
}
