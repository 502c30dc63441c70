import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '@bildungsraum/platform';
import { directory } from '../../directory/infra/directory.repository';
import { Actor } from '../domain/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/**
 * Completes the token's principal from the read model of partners: the networks in which the
 * user's organisation coordinates. Read per request, so a membership change applies at once.
 */
@Injectable()
export class ActorResolver {
  async resolve(manager: EntityManager, principal: Principal): Promise<Actor> {
    // A partner claim that is no UUID names no organisation here (and must not reach a uuid column).
    const partnerId = UUID.test(principal.partnerId) ? principal.partnerId.toLowerCase() : NO_ORGANISATION;
    const coordinatedNetworkIds = principal.roles.includes('coordinator') && partnerId !== NO_ORGANISATION ? await directory.coordinatedBy(manager, partnerId) : [];
    return { subject: principal.subject, roles: principal.roles, partnerId, coordinatedNetworkIds };
  }
}
