import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '@bildungsraum/platform';
import { networkRepository } from '../../networks/infra/network.repository';
import { Actor } from '../domain/actor';

/**
 * Completes the token's principal with what only this service knows: the networks in which the
 * user's organisation coordinates. Read per request, so a membership change takes effect at once.
 */
@Injectable()
export class ActorResolver {
  async resolve(manager: EntityManager, principal: Principal): Promise<Actor> {
    const coordinatedNetworkIds = principal.roles.includes('coordinator') && principal.partnerId
      ? await networkRepository.coordinatedBy(manager, principal.partnerId)
      : [];
    return { subject: principal.subject, roles: principal.roles, partnerId: principal.partnerId, coordinatedNetworkIds };
  }
}
