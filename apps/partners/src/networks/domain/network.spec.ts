import { Actor } from '../../shared/domain/actor';
import { organisationAccess } from '../../organisations/domain/organisation-access';
import { Network } from './network';
import { networkAccess } from './network-access';

describe('Network', () => {
  it('covers districts across state borders and versions every change', () => {
    const network = Network.create({ id: 'n1', name: 'Weiterbildungsverbund Höxter–Holzminden', districtKeys: ['05762', '03255', '05762'] });
    expect(network.snapshot()).toMatchObject({ version: 1, districtKeys: ['03255', '05762'], members: [] });
    expect(network.setMember('a', 'coordinator')).toBe('joined');
    expect(network.setMember('a', 'coordinator')).toBe('unchanged');
    expect(network.setMember('a', 'member')).toBe('role-changed');
    expect(network.removeMember('a')).toBe('left');
    expect(network.removeMember('a')).toBe('unchanged');
    expect(network.version).toBe(4);
    expect(network.pullChanges().map((c) => [c.type, c.snapshot.version])).toEqual([['created', 1], ['updated', 2], ['updated', 3], ['updated', 4]]);
  });

  it('rejects empty or malformed district lists', () => {
    expect(() => Network.create({ id: 'n', name: 'X', districtKeys: [] })).toThrow(/mindestens/);
    expect(() => Network.create({ id: 'n', name: 'X', districtKeys: ['0663'] })).toThrow(/0663/);
  });

  it('records an update only when something changed', () => {
    const network = Network.restore({ id: 'n', version: 3, name: 'X', districtKeys: ['06635'], members: [] });
    network.update({ name: 'X' });
    expect(network.pullChanges()).toEqual([]);
    network.update({ description: 'Nordhessen', districtKeys: ['06635', '06634'] });
    expect(network.pullChanges().map((c) => c.type)).toEqual(['updated']);
    expect(network.snapshot()).toMatchObject({ version: 4, description: 'Nordhessen' });
    network.update({ description: null });
    expect(network.snapshot().description).toBeUndefined();
  });
});

describe('access rules', () => {
  const actor = (roles: Actor['roles'], partnerId: string, coordinatedNetworkIds: string[] = []): Actor => ({ subject: 's', roles, partnerId, coordinatedNetworkIds });
  const member = { id: 'company-1', networkIds: ['n1'] };

  it('lets coordinators act only within the networks they coordinate', () => {
    expect(organisationAccess.canVerify(actor(['coordinator'], 'agency-1', ['n1']), member)).toBe(true);
    expect(organisationAccess.canVerify(actor(['coordinator'], 'agency-2', ['n2']), member)).toBe(false);
    // The coordinating organisation alone is not enough: the user needs the role too.
    expect(organisationAccess.canRead(actor(['company'], 'agency-1', ['n1']), member)).toBe(false);
  });

  it('never lets an organisation verify itself, but lets it read and deactivate itself', () => {
    const own = actor(['coordinator'], 'company-1', ['n1']);
    expect(organisationAccess.canVerify(own, member)).toBe(false);
    expect(organisationAccess.canRead(own, member)).toBe(true);
    expect(organisationAccess.canDeactivate(actor(['company'], 'company-1'), member)).toBe(true);
    expect(organisationAccess.canDeactivate(actor(['coordinator'], 'agency-1', ['n1']), member)).toBe(false);
  });

  it('keeps the coordinator role of a network in operator hands', () => {
    const coordinator = actor(['coordinator'], 'agency-1', ['n1']);
    const scope = { id: 'n1', memberIds: ['agency-1'] };
    expect(networkAccess.canManageMember(coordinator, scope, { wanted: 'member' })).toBe(true);
    expect(networkAccess.canManageMember(coordinator, scope, { wanted: 'coordinator' })).toBe(false);
    expect(networkAccess.canManageMember(coordinator, scope, { current: 'coordinator' })).toBe(false);
    expect(networkAccess.canManageMember(actor(['operator'], 'op'), scope, { wanted: 'coordinator' })).toBe(true);
  });
});
