import { EntityManager } from 'typeorm';
import { Actor } from '../../shared/domain/actor';
import { forbidden, notFound } from '../../shared/domain/partner-errors';
import { Organisation } from '../domain/organisation';
import { organisationAccess } from '../domain/organisation-access';
import { organisationRepository } from '../infra/organisation.repository';

type Permission = Exclude<keyof typeof organisationAccess, 'canRead' | 'canRegisterVerified'>;

/**
 * Loads an organisation for a change, row-locked. A caller who may not even read it gets a 404
 * (no leak of existence); one who may read but not do this gets a 403.
 */
export async function loadForChange(manager: EntityManager, actor: Actor, id: string, permission: Permission): Promise<Organisation> {
  const organisation = await organisationRepository.load(manager, id, { forUpdate: true });
  const scope = organisation && { id: organisation.id, networkIds: organisation.networkIds };
  if (!organisation || !scope || !organisationAccess.canRead(actor, scope)) throw notFound('organisation');
  if (!organisationAccess[permission](actor, scope)) {
    throw forbidden('Für diese Aktion an der Organisation fehlt die Berechtigung / not allowed for this organisation');
  }
  return organisation;
}
