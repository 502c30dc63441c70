import { DomainError } from '@bildungsraum/domain-kernel';
import { Organisation } from './organisation';
import { sizeClassFor } from './size-class';

const site = { id: '00000000-0000-4000-8000-000000000001', label: 'Werk Korbach', postalCode: '34497', city: 'Korbach', location: { lat: 51.27, lon: 8.87 }, districtKey: '06635' };

function company(employees = 12): Organisation {
  return Organisation.register({ id: 'c1', kind: 'company', name: ' Metallbau Korbach GmbH ', company: { employees, sector: 'C' }, sites: [site] });
}

describe('sizeClassFor (EU staff criterion)', () => {
  it.each([
    [0, 'micro'], [9, 'micro'], [10, 'small'], [49, 'small'], [50, 'medium'], [249, 'medium'], [250, 'large'], [12000, 'large'],
  ])('%i employees → %s', (employees, expected) => expect(sizeClassFor(employees)).toBe(expected));

  it('rejects negative or fractional head counts', () => {
    expect(() => sizeClassFor(-1)).toThrow(RangeError);
    expect(() => sizeClassFor(1.5)).toThrow(RangeError);
  });
});

describe('Organisation', () => {
  it('registers pending at version 1 with derived size class and districts', () => {
    const org = company(12);
    expect(org.pullChanges().map((c) => c.type)).toEqual(['registered']);
    expect(org.snapshot()).toMatchObject({ version: 1, status: 'pending', name: 'Metallbau Korbach GmbH', company: { employees: 12, sizeClass: 'small', sector: 'C' }, districtKeys: ['06635'], networkIds: [] });
  });

  it('lets operators register verified organisations', () => {
    const org = Organisation.register({ id: 'p1', kind: 'provider', name: 'VHS', sites: [], verified: true });
    expect(org.status).toBe('verified');
    expect(org.snapshot().provider).toEqual({ azavApproved: false });
  });

  it('requires company facts for companies only', () => {
    expect(() => Organisation.register({ id: 'x', kind: 'company', name: 'A', sites: [] })).toThrow(DomainError);
    expect(() => Organisation.register({ id: 'x', kind: 'school', name: 'BBS', company: { employees: 3 }, sites: [] })).toThrow(DomainError);
    expect(() => Organisation.register({ id: 'x', kind: 'company', name: 'A', company: { employees: 3 }, provider: { azavApproved: true }, sites: [] })).toThrow(DomainError);
  });

  it('refuses an AZAV expiry date without approval', () => {
    expect(() => Organisation.register({ id: 'x', kind: 'provider', name: 'T', provider: { azavApproved: false, azavValidUntil: '2027-01-01' }, sites: [] })).toThrow(/AZAV/);
  });

  it('walks the verification lifecycle with one version per change', () => {
    const org = company();
    org.reject('Handelsregisterauszug fehlt');
    expect(org.snapshot()).toMatchObject({ status: 'rejected', version: 2 });
    expect(() => org.reject('again')).toThrow(expect.objectContaining({ kind: 'conflict' }));
    org.verify();
    expect(org.snapshot()).toMatchObject({ status: 'verified', version: 3 });
    expect(() => org.verify()).toThrow(expect.objectContaining({ code: 'partner.not-verifiable' }));
    org.deactivate('ceased_trading');
    expect(org.snapshot()).toMatchObject({ status: 'deactivated', version: 4 });
    expect(() => org.update({ name: 'Neu' })).toThrow(expect.objectContaining({ code: 'partner.deactivated' }));
    expect(() => org.deactivate('requested')).toThrow(DomainError);
    expect(org.pullChanges().map((change) => change.type)).toEqual(['registered', 'rejected', 'verified', 'deactivated']);
  });

  it('needs a reason to reject', () => {
    expect(() => company().reject('  ')).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });

  it('counts an update only when the public view changes, and re-derives the size class', () => {
    const org = company(12);
    org.pullChanges();
    org.update({ name: 'Metallbau Korbach GmbH' });
    expect(org.version).toBe(1);
    org.update({ company: { employees: 300 } });
    expect(org.snapshot()).toMatchObject({ version: 2, company: { sizeClass: 'large' } });
    expect(org.pullChanges().map((c) => [c.type, c.snapshot.version])).toEqual([['updated', 2]]);
  });

  it('tracks network membership in the snapshot', () => {
    const org = company();
    org.setNetworkMembership('n2', true);
    org.setNetworkMembership('n1', true);
    org.setNetworkMembership('n1', true);
    expect(org.snapshot()).toMatchObject({ networkIds: ['n1', 'n2'], version: 3 });
    org.setNetworkMembership('n2', false);
    expect(org.snapshot()).toMatchObject({ networkIds: ['n1'], version: 4 });
  });

  it('keeps contact persons out of the snapshot and erases them', () => {
    const org = company();
    org.addContact({ id: 'k1', name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 5631 0' });
    expect(JSON.stringify(org.snapshot())).not.toMatch(/Erika|erika@example/);
    expect(org.version).toBe(1);
    expect(org.eraseContact('k1')).toBe(true);
    expect(org.eraseContact('k1')).toBe(false);
    expect(org.contacts).toHaveLength(0);
  });
});
