import { BundleMember, bundleChange, bundleMembers, bundleStatus, gapChange } from './bundle-rules';

const member = (needId: string, companyId: string, participants: number): BundleMember => ({ needId, companyId, participants, districtKey: '06635' });

describe('bundles', () => {
  it('needs two companies; viable once they reach the minimum participants', () => {
    expect(bundleStatus([member('n1', 'a', 5), member('n2', 'a', 5)], 6)).toBe('dissolved');
    expect(bundleStatus([member('n1', 'a', 2), member('n2', 'b', 3)], 6)).toBe('forming');
    expect(bundleStatus([member('n1', 'a', 2), member('n2', 'b', 3), member('n3', 'c', 1)], 6)).toBe('viable');
  });

  it('formed → updated (viable) → dissolved, and no event without a change', () => {
    const two = [member('n1', 'a', 2), member('n2', 'b', 3)];
    const three = [...two, member('n3', 'c', 1)];
    expect(bundleChange(undefined, [member('n1', 'a', 2)], 6)).toEqual({ status: 'dissolved' });
    expect(bundleChange(undefined, two, 6)).toEqual({ event: 'formed', status: 'forming' });
    expect(bundleChange({ status: 'forming', members: two }, three, 6)).toEqual({ event: 'updated', status: 'viable' });
    expect(bundleChange({ status: 'viable', members: three }, [...three].reverse(), 6)).toEqual({ status: 'viable' });
    expect(bundleChange({ status: 'viable', members: three }, [member('n1', 'a', 2)], 6)).toEqual({ event: 'dissolved', status: 'dissolved' });
    expect(bundleChange({ status: 'dissolved', members: [] }, two, 6)).toEqual({ event: 'formed', status: 'forming' });
  });

  it('tells of a new minimum even when the status stays', () => {
    const two = [member('n1', 'a', 2), member('n2', 'b', 3)];
    expect(bundleChange({ status: 'forming', members: two, minParticipants: 6 }, two, 8)).toEqual({ event: 'updated', status: 'forming' });
    expect(bundleChange({ status: 'forming', members: two, minParticipants: 6 }, two, 5)).toEqual({ event: 'updated', status: 'viable' });
    expect(bundleChange({ status: 'forming', members: two, minParticipants: 6 }, two, 6)).toEqual({ status: 'forming' });
  });

  it('a dissolved bundle follows its last members quietly (no event), and stays put when nothing changes', () => {
    const last = [member('n1', 'a', 2)];
    expect(bundleChange({ status: 'dissolved', members: last }, [], 6)).toEqual({ status: 'dissolved', quietly: true });
    expect(bundleChange({ status: 'dissolved', members: last }, last, 6)).toEqual({ status: 'dissolved' });
    expect(bundleChange({ status: 'dissolved', members: [] }, [], 6)).toEqual({ status: 'dissolved' });
  });
});

describe('bundle members', () => {
  const ranked = (needId: string, participants: number, score: number, booked = false) => ({ ...member(needId, `c-${needId}`, participants), score, booked });
  const seats = (maxParticipants: number) => ({ maxParticipants, seatsFree: maxParticipants });

  it('are the best-fitting needs the course can still seat, listed by need id', () => {
    // Best first, as the store reads them: n3 (0.9, 5), n1 (0.8, 4), n2 (0.7, 3) – 12 seats hold all three.
    expect(bundleMembers([ranked('n3', 5, 0.9), ranked('n1', 4, 0.8), ranked('n2', 3, 0.7)], seats(12)).map((m) => m.needId)).toEqual(['n1', 'n2', 'n3']);
    // Ten seats: n2 would make 12, so the bundle stops before it – the worse fit never jumps a better one.
    expect(bundleMembers([ranked('n3', 5, 0.9), ranked('n1', 4, 0.8), ranked('n2', 3, 0.7), ranked('n4', 1, 0.6)], seats(10)).map((m) => m.needId)).toEqual(['n1', 'n3']);
    expect(bundleMembers([ranked('n1', 13, 0.9)], seats(12))).toEqual([]);
    expect(bundleMembers([ranked('n1', 2, 0.9)], seats(12))[0]).toEqual(member('n1', 'c-n1', 2));
  });

  it('keep the needs booked into the course, however well later needs fit', () => {
    // n1 and n2 hold the course's four seats; n3 fits better but there is no seat left for it.
    // Before and after the catalogue counted the booking in its free seats, alike.
    for (const seatsFree of [4, 0]) expect(bundleMembers([ranked('n3', 2, 0.95), ranked('n1', 2, 0.6, true), ranked('n2', 2, 0.5, true)], { maxParticipants: 4, seatsFree }).map((m) => m.needId)).toEqual(['n1', 'n2']);
    expect(bundleMembers([ranked('n3', 1, 0.95), ranked('n1', 2, 0.6, true)], { maxParticipants: 4, seatsFree: 2 }).map((m) => m.needId)).toEqual(['n1', 'n3']);
  });

  it('fit into the seats still free when others took some', () => {
    // Twelve seats, seven sold elsewhere: n1 (4) fits the five left, n2 (3) no longer.
    expect(bundleMembers([ranked('n1', 4, 0.9), ranked('n2', 3, 0.8)], { maxParticipants: 12, seatsFree: 5 }).map((m) => m.needId)).toEqual(['n1']);
  });
});

describe('gaps', () => {
  it('detected with the first unserved need, closed with the last, silent otherwise', () => {
    expect(gapChange(undefined, 1)).toEqual({ event: 'detected', status: 'open' });
    expect(gapChange('open', 3)).toEqual({ status: 'open' });
    expect(gapChange('open', 0)).toEqual({ event: 'closed', status: 'closed' });
    expect(gapChange('closed', 0)).toEqual({ status: 'closed' });
    expect(gapChange(undefined, 0)).toEqual({ status: 'closed' });
  });
});
