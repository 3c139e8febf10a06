import { PolicyProgressResult } from '../calculation/types';
import { ReportBasis } from '../domain/enums';
import { FiguresCache, FiguresKey } from './figures-cache.service';

const result = (tag: string) => ({ cut: tag }) as unknown as PolicyProgressResult;
const key = (policyId: number, version: number, cut = '2024-12-31', basis = ReportBasis.APPROVED): FiguresKey => ({
  policyId,
  version,
  cut,
  basis,
});

describe('FiguresCache', () => {
  it('computes once per key and counts hits and misses', async () => {
    const cache = new FiguresCache(10);
    const compute = jest.fn(async () => result('a'));
    expect(await cache.get(key(1, 1), compute)).toEqual(result('a'));
    expect(await cache.get(key(1, 1), compute)).toEqual(result('a'));
    await cache.get(key(1, 1, '2025-06-30'), compute);
    await cache.get(key(1, 1, '2024-12-31', ReportBasis.SUBMITTED), compute);
    expect(compute).toHaveBeenCalledTimes(3);
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, entries: 3 });
  });

  it('shares a computation under way between concurrent lookups', async () => {
    const cache = new FiguresCache(10);
    let release!: (r: PolicyProgressResult) => void;
    const compute = jest.fn(() => new Promise<PolicyProgressResult>((resolve) => (release = resolve)));
    const a = cache.get(key(1, 1), compute);
    const b = cache.get(key(1, 1), compute);
    release(result('x'));
    expect(await a).toBe(await b);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new FiguresCache(2);
    await cache.get(key(1, 1), async () => result('1'));
    await cache.get(key(2, 1), async () => result('2'));
    await cache.get(key(1, 1), async () => result('never')); // 1 is now the most recent
    await cache.get(key(3, 1), async () => result('3')); // evicts 2
    expect(cache.stats().entries).toBe(2);
    expect(await cache.get(key(1, 1), async () => result('again'))).toEqual(result('1'));
    expect(await cache.get(key(2, 1), async () => result('2 again'))).toEqual(result('2 again'));
  });

  it("drops a policy's older versions when a newer one is stored, and does not store an older one after", async () => {
    const cache = new FiguresCache(10);
    await cache.get(key(1, 1), async () => result('v1'));
    await cache.get(key(1, 1, '2025-06-30'), async () => result('v1b'));
    await cache.get(key(2, 1), async () => result('other'));
    await cache.get(key(1, 2), async () => result('v2'));
    expect(cache.stats().entries).toBe(2);
    await cache.get(key(1, 1), async () => result('late reader'));
    expect(cache.stats().entries).toBe(2);
  });

  it('does not keep a failed computation', async () => {
    const cache = new FiguresCache(10);
    await expect(cache.get(key(1, 1), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.stats().entries).toBe(0);
    expect(await cache.get(key(1, 1), async () => result('ok'))).toEqual(result('ok'));
  });

  it('with maxEntries 0 computes every time and holds nothing', async () => {
    const cache = new FiguresCache(0);
    const compute = jest.fn(async () => result('a'));
    await cache.get(key(1, 1), compute);
    await cache.get(key(1, 1), compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.stats()).toEqual({ hits: 0, misses: 2, entries: 0 });
  });
});
