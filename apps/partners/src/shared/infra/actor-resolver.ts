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
    // The identity provider may put anything into the partner claim; a value that is no UUID
    // names no organisation here (and must not reach a uuid column as a 500).
    const partnerId = UUID.test(principal.partnerId) ? principal.partnerId.toLowerCase() : NO_ORGANISATION;
    const coordinatedNetworkIds = principal.roles.includes('coordinator') && partnerId !== NO_ORGANISATION
      ? await networkRepository.coordinatedBy(manager, partnerId)
      : [];
    return { subject: principal.subject, roles: principal.roles, partnerId, coordinatedNetworkIds };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';
