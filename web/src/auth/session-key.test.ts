import { isKeyShape, takeKeyFromHash } from './session-key';

describe('the access key in the address bar', () => {
  it.each([
    ['#clave=rumbo_abc', 'rumbo_abc', ''],
    ['#clave=rumbo_abc&x=1', 'rumbo_abc', '#x=1'],
    ['#x=1', null, '#x=1'],
    ['', null, ''],
    ['#clave=', null, ''],
    ['#clave=%20rumbo_abc%20', 'rumbo_abc', ''],
  ])('%p → key %p, fragment %p', (hash, key, rest) => {
    expect(takeKeyFromHash(hash)).toEqual({ key, rest });
  });

  it.each([
    ['rumbo_Ab3dEf9hAb3dEf9hAb3dEf9hAb3dEf9hAb3dEf9', true],
    ['  rumbo_Ab3dEf9hAb3dEf9hAb3dEf9hAb3dEf9hAb3dEf9  ', true],
    ['rumbo_corta', false],
    ['Bearer rumbo_Ab3dEf9hAb3dEf9hAb3dEf9hAb3dEf9hAb3dEf9', false],
    ['', false],
  ])('%p has the shape of a key: %p', (key, ok) => {
    expect(isKeyShape(key)).toBe(ok);
  });
});
