import { BundleMember, bundleChange, bundleStatus, gapChange } from './bundle-rules';

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

  it('a dissolved bundle follows its last members quietly (no event), and stays put when nothing changes', () => {
    const last = [member('n1', 'a', 2)];
    expect(bundleChange({ status: 'dissolved', members: last }, [], 6)).toEqual({ status: 'dissolved', quietly: true });
    expect(bundleChange({ status: 'dissolved', members: last }, last, 6)).toEqual({ status: 'dissolved' });
    expect(bundleChange({ status: 'dissolved', members: [] }, [], 6)).toEqual({ status: 'dissolved' });
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
