import { EVENT_CATALOG, findEventDefinition, PartnerRegistered, PartnerRejected, validatePayload } from '../src';

const partner = () => ({
  id: '6f1c3e0a-5a43-4b8e-9d8e-2f3f6b1d7c20',
  version: 1,
  kind: 'company',
  name: 'Metallbau Korbach GmbH',
  status: 'pending',
  company: { employees: 42, sizeClass: 'small', sector: '25.62' },
  sites: [
    {
      id: '0b9e2c52-8f0e-4a57-9d55-6f0f4d1c2a11',
      label: 'Werk Korbach',
      postalCode: '34497',
      city: 'Korbach',
      location: { lat: 51.2756, lon: 8.873 },
      districtKey: '06635',
    },
  ],
  districtKeys: ['06635'],
  networkIds: [],
});

describe('validatePayload', () => {
  it('accepts a valid payload and returns it as an instance of the contract class', () => {
    const { value, violations } = validatePayload(PartnerRegistered, partner());
    expect(violations).toEqual([]);
    expect(value).toBeInstanceOf(PartnerRegistered.payload);
  });

  it.each([
    ['a non-object', 'text', ''],
    ['an array', [partner()], ''],
    ['null', null, ''],
  ])('rejects %s as payload', (_label, data, path) => {
    expect(validatePayload(PartnerRegistered, data).violations).toEqual([{ path, messages: ['payload must be a JSON object'] }]);
  });

  it.each([
    ['a missing id', { id: undefined }, 'id'],
    ['a version below 1', { version: 0 }, 'version'],
    ['an unknown kind', { kind: 'bank' }, 'kind'],
    ['a malformed district key', { districtKeys: ['6635'] }, 'districtKeys'],
    ['duplicate district keys', { districtKeys: ['06635', '06635'] }, 'districtKeys'],
  ])('rejects %s', (_label, change, path) => {
    const { violations } = validatePayload(PartnerRegistered, { ...partner(), ...change });
    expect(violations.map((violation) => violation.path)).toContain(path);
  });

  it('reports violations inside nested classes with their path', () => {
    const data = partner();
    data.sites[0].postalCode = '3449';
    data.sites[0].location = { lat: 151, lon: 8.873 };
    const paths = validatePayload(PartnerRegistered, data).violations.map((violation) => violation.path);
    expect(paths).toEqual(expect.arrayContaining(['sites.0.postalCode', 'sites.0.location.lat']));
  });

  it('checks the rules an event adds to the snapshot', () => {
    expect(validatePayload(PartnerRejected, { ...partner(), status: 'rejected' }).violations.map((v) => v.path)).toEqual(['reason']);
  });
});

describe('EVENT_CATALOG', () => {
  it('has unique types, each findable, each named <service>.<aggregate>.<event>.v<major>', () => {
    const types = EVENT_CATALOG.map((definition) => definition.type);
    expect(new Set(types).size).toBe(types.length);
    for (const definition of EVENT_CATALOG) {
      expect(findEventDefinition(definition.type)).toBe(definition);
      expect(definition.type.startsWith(`${definition.service}.${definition.aggregate}.`)).toBe(true);
      expect(definition.summary).toContain(' / ');
    }
    expect(findEventDefinition('partners.partner.unknown.v1')).toBeUndefined();
  });
});
