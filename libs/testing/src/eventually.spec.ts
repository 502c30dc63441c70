import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first truthy result of the probe', async () => {
    let calls = 0;
    const value = await eventually(() => (++calls >= 3 ? `after ${calls}` : undefined), { intervalMs: 1 });
    expect(value).toBe('after 3');
  });

  it('retries a probe that throws until it passes', async () => {
    let calls = 0;
    await eventually(
      () => {
        calls += 1;
        expect(calls).toBeGreaterThan(2);
        return true;
      },
      { intervalMs: 1 },
    );
    expect(calls).toBe(3);
  });

  it('gives up after its bound with the last reason', async () => {
    const started = Date.now();
    await expect(
      eventually(() => {
        throw new Error('no event yet');
      }, { timeoutMs: 100, intervalMs: 10 }),
    ).rejects.toThrow(/not satisfied within 100 ms: no event yet/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
