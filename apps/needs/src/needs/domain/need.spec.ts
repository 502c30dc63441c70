import { DomainError } from '@bildungsraum/domain-kernel';
import { Need } from './need';
import { NeedContent } from './need-content';
import { statusFromLinks } from './need-matching-status';

const content = (overrides: Partial<NeedContent> = {}): NeedContent => ({
  description: 'Staplerschein für zwei Lagerkräfte',
  skillUris: [],
  participants: 2,
  targetGroups: ['employees'],
  participantsByTargetGroup: [],
  language: 'de',
  jobSpecificGerman: false,
  site: { postalCode: '34497', location: { lat: 51.27, lon: 8.87 }, districtKey: '06635' },
  formats: [],
  schedules: [],
  latestEnd: '2030-06-30',
  fundingAdviceWanted: false,
  staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
  nameVisibleToProviders: false,
  ...overrides,
});

const now = new Date('2030-01-15T10:00:00Z');
const draft = (overrides: Partial<NeedContent> = {}) =>
  Need.create({ id: 'n1', companyId: 'c1', company: {}, capturedBy: { partnerId: 'c1', role: 'company', subject: 'u' }, content: content(overrides), now });

describe('Need', () => {
  it('a draft raises no events; submitting raises submitted', () => {
    const need = draft();
    need.update(content({ participants: 3 }), now);
    expect(need.pullChanges()).toEqual([]);
    need.submit(true, { sizeClass: 'small' }, now);
    expect(need.pullChanges()).toEqual([{ type: 'submitted' }]);
    expect(need.snapshot).toMatchObject({ status: 'submitted', version: 3 });
  });

  it('only a verified company submits, and only before the latest end', () => {
    expect(() => draft().submit(false, {}, now)).toThrow(DomainError);
    expect(() => draft({ latestEnd: '2030-01-14' }).submit(true, {}, now)).toThrow(/latest end/);
  });

  it('expires open needs whose latest end has passed, once', () => {
    const need = draft({ latestEnd: '2030-01-20' });
    need.submit(true, {}, now);
    expect(need.expire(new Date('2030-01-20T23:00:00Z'))).toBe(false);
    expect(need.expire(new Date('2030-01-21T00:00:00Z'))).toBe(true);
    expect(need.pullChanges().at(-1)).toEqual({ type: 'expired' });
    expect(need.expire(new Date('2030-02-01T00:00:00Z'))).toBe(false);
  });

  it('withdraws before fulfilled, never after', () => {
    const need = draft();
    need.submit(true, {}, now);
    need.followMatching({ status: 'fulfilled', matchId: 'm1' }, now);
    expect(() => need.withdraw('requested', undefined, now)).toThrow(/closed/);
  });

  it('follows matching only while published and open', () => {
    const need = draft();
    need.followMatching({ status: 'matched' }, now);
    expect(need.snapshot.status).toBe('draft');
  });

  it('derives the status from all links, independent of their order', () => {
    expect(statusFromLinks([])).toEqual({ status: 'submitted' });
    expect(statusFromLinks([{ kind: 'bundle', refId: 'b', state: 'active' }])).toEqual({ status: 'pooled' });
    expect(statusFromLinks([{ kind: 'bundle', refId: 'b', state: 'active' }, { kind: 'match', refId: 'm', state: 'active' }])).toEqual({ status: 'matched' });
    expect(statusFromLinks([{ kind: 'match', refId: 'm', state: 'inactive' }, { kind: 'match', refId: 'm2', state: 'confirmed' }])).toEqual({ status: 'fulfilled', matchId: 'm2' });
  });
});
