import { Offer, CourseDateInput } from './offer';
import { isStale, OfferContent } from './offer-model';

const content: OfferContent = {
  title: 'CNC-Fräsen Grundkurs',
  description: 'Einrichten und Bedienen von CNC-Fräsmaschinen',
  skills: [],
  hours: 160,
  formats: ['presence'],
  language: 'de',
  targetGroups: ['employees'],
  accessibility: [],
  priceCents: 250000,
  azavApproved: true,
};
const venue = { postalCode: '34117', city: 'Kassel', location: { lat: 51.31, lon: 9.49 }, districtKey: '06611' };
const date = (overrides: Partial<CourseDateInput> = {}): CourseDateInput => ({
  id: 'd1',
  startDate: '2031-03-01',
  endDate: '2031-04-30',
  schedule: 'full_time',
  online: false,
  venue,
  minParticipants: 8,
  maxParticipants: 12,
  ...overrides,
});
const NOW = new Date('2031-01-10T10:00:00Z');
const draft = () => Offer.draft({ id: 'o1', providerId: 'p1', providerName: 'Träger', content, dates: [date()] });

describe('Offer', () => {
  it('records no changes while a draft, one per change once published', () => {
    const offer = draft();
    offer.updateContent({ priceCents: 200000 });
    expect(offer.pullChanges()).toEqual([]);
    offer.publish(true, NOW);
    offer.updateContent({ priceCents: 190000 });
    offer.updateContent({ priceCents: 190000 }); // no-op
    expect(offer.pullChanges().map((change) => change.type)).toEqual(['published', 'updated']);
    expect(offer.snapshot.version).toBe(4);
  });

  it('publishes only for verified providers and with an upcoming date', () => {
    expect(() => draft().publish(false, NOW)).toThrow(expect.objectContaining({ code: 'provider.not-verified' }));
    expect(() => draft().publish(true, new Date('2031-05-01'))).toThrow(expect.objectContaining({ code: 'offer.no-upcoming-date' }));
  });

  it('keeps dates consistent: online without venue, min ≤ max, deadline before start', () => {
    const make = (overrides: Partial<CourseDateInput>) => () => Offer.draft({ id: 'o', providerId: 'p', providerName: 'T', content, dates: [date(overrides)] });
    expect(make({ online: true })).toThrow(expect.objectContaining({ code: 'date.inconsistent' }));
    expect(make({ online: true, venue: undefined })).not.toThrow();
    expect(make({ minParticipants: 13 })).toThrow(expect.objectContaining({ code: 'date.inconsistent' }));
    expect(make({ registrationDeadline: '2031-03-02' })).toThrow(expect.objectContaining({ code: 'date.inconsistent' }));
    expect(make({ endDate: '2031-02-01' })).toThrow(expect.objectContaining({ code: 'date.inconsistent' }));
  });

  it('holds confirmed seats even beyond capacity, but a provider may not overbook by hand', () => {
    const offer = draft();
    offer.holdSeats('d1', 10);
    offer.holdSeats('d1', 5);
    expect(offer.snapshot.dates[0].seatsTaken).toBe(15);
    expect(() => offer.updateDate('d1', { scheduleNote: 'Mo–Fr' })).toThrow(expect.objectContaining({ code: 'date.overbooked' }));
  });

  it('withdraws only published offers; archived offers are frozen; archive of a never-published draft is silent', () => {
    const offer = draft();
    expect(() => offer.withdraw()).toThrow(expect.objectContaining({ code: 'offer.not-published' }));
    offer.archive();
    expect(offer.pullChanges()).toEqual([]);
    expect(() => offer.updateContent({ title: 'x' })).toThrow(expect.objectContaining({ code: 'offer.archived' }));
  });

  it('is stale when published and its last date has passed', () => {
    const offer = draft();
    offer.publish(true, NOW);
    expect(isStale(offer.snapshot, '2031-04-30')).toBe(false);
    expect(isStale(offer.snapshot, '2031-05-01')).toBe(true);
  });
});
