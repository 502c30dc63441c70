import { actsFor, assertVisible, Principal } from '@bildungsraum/platform';

/** An organisation's channels, subscriptions, deliveries and inbox: its own users and operators; others get 404. */
export function assertActsFor(principal: Principal, partnerId: string): void {
  assertVisible(actsFor(principal, partnerId), 'Organisation nicht gefunden / organisation not found');
}
