import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '@bildungsraum/platform';
import { directory } from '../../directory/infra/directory.repository';
import { Actor } from '../domain/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/** Completes the token's principal with the networks its organisation coordinates (read per request). */
@Injectable()
export class ActorResolver {
  async resolve(manager: EntityManager, principal: Principal): Promise<Actor> {
    const partnerId = UUID.test(principal.partnerId) ? principal.partnerId.toLowerCase() : NO_ORGANISATION;
    const coordinatedNetworkIds = principal.roles.includes('coordinator') && partnerId !== NO_ORGANISATION ? await directory.coordinatedBy(manager, partnerId) : [];
    return { roles: principal.roles, partnerId, coordinatedNetworkIds };
  }
}
