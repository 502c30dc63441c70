import { audienceOf } from './audience';
import { defaultEventTypes, subscribedTo } from '../../subscriptions/domain/event-types';

describe('audience of an event', () => {
  it('tells the company of proposals and the provider of acceptances', () => {
    expect(audienceOf('matching.match.proposed.v1', { companyId: 'c', providerId: 'p' }).partners).toEqual(['c']);
    expect(audienceOf('matching.match.accepted.v1', { companyId: 'c', providerId: 'p' }).partners).toEqual(['p']);
    expect(audienceOf('matching.match.withdrawn.v1', { companyId: 'c', providerId: 'p' }).partners).toEqual(['c', 'p']);
  });

  it('tells providers near a gap or an open bundle, and the coordinators of those districts', () => {
    const gap = audienceOf('matching.gap.detected.v1', { districtKey: '06635' });
    expect(gap).toMatchObject({ providersInDistricts: ['06635'], coordinatorsOfDistricts: ['06635'] });
    const bundle = audienceOf('matching.bundle.formed.v1', { districtKeys: ['06635', '06634'] });
    expect(bundle).toMatchObject({ providersInDistricts: ['06635', '06634'], coordinatorsOfDistricts: ['06635', '06634'] });
    expect(audienceOf('matching.bundle.formed.v1', { providerId: 'p', districtKeys: ['06635'] })).toMatchObject({ partners: ['p'], providersInDistricts: [] });
  });

  it('tells coordinators of new needs and registrations in their network', () => {
    expect(audienceOf('needs.need.submitted.v1', { company: { id: 'c' } }).coordinatorsOfPartners).toEqual(['c']);
    expect(audienceOf('partners.partner.registered.v1', { id: 'x', districtKeys: ['03255'] }).coordinatorsOfDistricts).toEqual(['03255']);
    expect(audienceOf('partners.network.updated.v1', { id: 'n' }).coordinatorsOfNetworks).toEqual(['n']);
  });
});

describe('subscriptions', () => {
  it('match exact types, prefixes and everything', () => {
    expect(subscribedTo(['matching.match.*'], 'matching.match.proposed.v1')).toBe(true);
    expect(subscribedTo(['matching.*'], 'matching.gap.detected.v1')).toBe(true);
    expect(subscribedTo(['matching.match.proposed.v1'], 'matching.match.accepted.v1')).toBe(false);
    expect(subscribedTo(['*'], 'catalogue.programme.updated.v1')).toBe(true);
  });

  it('default to what a new company or provider should hear', () => {
    expect(defaultEventTypes('company', false)).toContain('matching.match.*');
    expect(defaultEventTypes('provider', false)).toEqual(expect.arrayContaining(['matching.bundle.*', 'matching.gap.detected.v1']));
    expect(defaultEventTypes('company', true)).toContain('needs.need.submitted.v1');
  });
});
