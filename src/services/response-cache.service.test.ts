import { ResponseCache } from './response-cache.service';

const data = (tag: string) => ({ policy: { code: tag } });

describe('ResponseCache', () => {
  it('answers only for the exact versions stored, and counts hits and misses', () => {
    const cache = new ResponseCache(10);
    expect(cache.get('s', '1@1')).toBeNull();
    cache.set('s', '1@1', data('a'));
    expect(cache.get('s', '1@1')).toEqual(data('a'));
    expect(cache.get('s', '1@2')).toBeNull(); // a newer version: not this answer
    cache.set('s', '1@2', data('b'));
    expect(cache.get('s', '1@1')).toBeNull(); // replaced
    expect(cache.get('s', '1@2')).toEqual(data('b'));
    expect(cache.stats()).toEqual({ hits: 2, misses: 3, entries: 1 });
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new ResponseCache(3);
    for (const s of ['a', 'b', 'c']) cache.set(s, 'v', data(s));
    expect(cache.get('a', 'v')).toEqual(data('a')); // a is now the most recent
    cache.set('d', 'v', data('d'));
    expect(cache.stats().entries).toBe(3);
    expect(cache.get('b', 'v')).toBeNull(); // the least recently used left
    for (const s of ['a', 'c', 'd']) expect(cache.get(s, 'v')).toEqual(data(s));
    for (let i = 0; i < 100; i++) cache.set(`x${i}`, 'v', data('x'));
    expect(cache.stats().entries).toBe(3);
  });

  it('0 entries turns it off: nothing is stored or answered', () => {
    const cache = new ResponseCache(0);
    expect(cache.enabled).toBe(false);
    cache.set('s', 'v', data('a'));
    expect(cache.get('s', 'v')).toBeNull();
    expect(cache.stats().entries).toBe(0);
  });
});
