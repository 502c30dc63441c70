import { Actor } from '../../shared/domain/actor';
import { disclosureOf } from './disclosure';

// Asserted, not annotated: the actor's shape may carry more (e.g. the token's subject) than these rules read.
const actor = (roles: Actor['roles'], coordinatedNetworkIds: string[] = []): Actor => ({ subject: 's', roles, partnerId: 'p', coordinatedNetworkIds }) as Actor;

describe('disclosure of a company in pooled demand', () => {
  it('operators see everything', () => {
    expect(disclosureOf(actor(['operator']), { networkIds: [], nameVisibleToProviders: false })).toBe('full');
  });

  it('a coordinator sees its networks’ companies in full, others only by their consent', () => {
    const coordinator = actor(['coordinator'], ['n1']);
    expect(disclosureOf(coordinator, { networkIds: ['n1', 'n2'], nameVisibleToProviders: false })).toBe('full');
    expect(disclosureOf(coordinator, { networkIds: ['n2'], nameVisibleToProviders: true })).toBe('named');
    expect(disclosureOf(coordinator, { networkIds: ['n2'], nameVisibleToProviders: false })).toBe('anonymous');
  });

  it('a provider learns a name only where the company agreed, never the need', () => {
    expect(disclosureOf(actor(['provider']), { networkIds: [], nameVisibleToProviders: true })).toBe('named');
    expect(disclosureOf(actor(['provider']), { networkIds: [], nameVisibleToProviders: false })).toBe('anonymous');
    // Network membership counts for coordinators only.
    expect(disclosureOf(actor(['provider'], ['n1']), { networkIds: ['n1'], nameVisibleToProviders: false })).toBe('anonymous');
  });
});
