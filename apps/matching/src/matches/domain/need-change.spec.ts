import { NeedSnapshotV1 } from '@bildungsraum/contracts';
import { needChangeMatters } from './need-change';

const isOpen = (status: NeedSnapshotV1['status']) => ['submitted', 'matched', 'pooled'].includes(status);

const need = {
  id: '0b6c3c0e-2f7a-4c53-9a43-8a2d1c7e5f10',
  version: 2,
  status: 'submitted',
  company: { id: '1b6c3c0e-2f7a-4c53-9a43-8a2d1c7e5f10', employees: 30, sizeClass: 'small', districtKey: '06635', nameVisibleToProviders: false },
  description: 'Staplerschein für drei Lagerhelfer',
  skillUris: [],
  participants: 3,
  targetGroups: ['employees'],
  site: { postalCode: '34497', location: { lat: 51.27, lon: 8.87 }, districtKey: '06635' },
  formats: ['in_person'],
  submittedAt: '2026-11-21T10:00:00.000Z',
} as unknown as NeedSnapshotV1;

describe('needChangeMatters', () => {
  it('a new version that only moves between open states (submitted → matched) changes nothing for matching', () => {
    expect(needChangeMatters(need, { ...need, version: 3, status: 'matched' }, isOpen)).toBe(false);
    const statusEvent = { ...need, version: 3, status: 'matched', changeKind: 'status' } as NeedSnapshotV1;
    expect(needChangeMatters(need, statusEvent, isOpen)).toBe(false);
  });

  it('key order does not matter', () => {
    const reordered = Object.fromEntries(Object.entries(need).reverse()) as unknown as NeedSnapshotV1;
    expect(needChangeMatters(need, { ...reordered, version: 3 }, isOpen)).toBe(false);
  });

  it('closing the need matters', () => {
    expect(needChangeMatters(need, { ...need, version: 3, status: 'withdrawn' }, isOpen)).toBe(true);
  });

  it.each([
    ['participants', { participants: 4 }],
    ['text', { description: 'CNC-Fräsen Grundlagen' }],
    ['site', { site: { ...need.site, postalCode: '34537' } }],
    ['company facts (funding)', { company: { ...need.company, employees: 260 } }],
    ['formats', { formats: ['online'] }],
  ])('a change of %s matters', (_name, change) => {
    expect(needChangeMatters(need, { ...need, version: 3, ...(change as Partial<NeedSnapshotV1>) }, isOpen)).toBe(true);
  });
});
