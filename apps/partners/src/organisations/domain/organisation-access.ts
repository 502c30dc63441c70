import { Actor, coordinatingIn, isOperator } from '../../shared/domain/actor';

/** What the access rules need to know of an organisation. */
export interface OrganisationScope {
  id: string;
  networkIds: readonly string[];
}

/**
 * Object-level rules for organisations: operators everything; coordinators the organisations of
 * the networks they coordinate; an organisation's own users their own organisation (read,
 * update, deactivate; never verify itself). A caller who may not read an object gets a 404, so
 * that the existence of foreign organisations does not leak.
 */
export const organisationAccess = {
  canRead(actor: Actor, org: OrganisationScope): boolean {
    return isOperator(actor) || isOwn(actor, org) || coordinates(actor, org);
  },
  canUpdate(actor: Actor, org: OrganisationScope): boolean {
    return organisationAccess.canRead(actor, org);
  },
  /** Verification is a second pair of eyes: nobody verifies their own organisation. */
  canVerify(actor: Actor, org: OrganisationScope): boolean {
    if (isOperator(actor)) return true;
    return !isOwn(actor, org) && coordinates(actor, org);
  },
  canDeactivate(actor: Actor, org: OrganisationScope): boolean {
    return isOperator(actor) || isOwn(actor, org);
  },
  /** Contact persons: the organisation itself, operators, and its coordinators (who visit it). */
  canManageContacts(actor: Actor, org: OrganisationScope): boolean {
    return organisationAccess.canRead(actor, org);
  },
  /** Operators may register organisations that are verified from the start. */
  canRegisterVerified(actor: Actor): boolean {
    return isOperator(actor);
  },
};

function isOwn(actor: Actor, org: OrganisationScope): boolean {
  return actor.partnerId === org.id;
}

function coordinates(actor: Actor, org: OrganisationScope): boolean {
  const networks = coordinatingIn(actor);
  return org.networkIds.some((id) => networks.includes(id));
}
