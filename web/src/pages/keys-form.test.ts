import { takeKeyFromHash } from '../auth/session-key';
import { addDays, endOfDayInBogota, signInLink } from './keys-form';

describe('/claves form pieces', () => {
  it.each([
    ['2026-12-02T13:00:00Z', 365, '2027-12-02'],
    ['2026-12-02T03:00:00Z', 1, '2026-12-02'], // 22:00 of 1 December in Bogotá
    ['2024-02-28T12:00:00Z', 1, '2024-02-29'],
  ])('addDays(%s, %d) = %s', (from, days, expected) => {
    expect(addDays(new Date(from), days)).toBe(expected);
  });

  it('ends a date at 23:59:59 in Bogotá', () => {
    expect(endOfDayInBogota('2027-12-31')).toBe('2028-01-01T04:59:59.000Z');
  });

  it('puts the key in the fragment, where the sign-in capture reads it back unchanged', () => {
    const secret = 'rumbo_Ab-_0123456789abcdefghijABCDEFGHIJ0123456';
    const link = signInLink('https://rumbo.example.gov.co', secret);
    expect(link).toBe(`https://rumbo.example.gov.co/ingresar#clave=${secret}`);
    const url = new URL(link);
    expect(url.pathname + url.search).toBe('/ingresar');
    expect(takeKeyFromHash(url.hash)).toEqual({ key: secret, rest: '' });
  });
});
