import { Cell } from '../xlsx/workbook.types';
import {
  cellAsText,
  isPercentFormat,
  parseNumberText,
  readBoolean,
  readDate,
  readEnum,
  readList,
  readNumber,
  readText,
  readTime,
} from './cell.reader';
import { MembershipRole } from '../../src/domain/enums';

const s = (value: string): Cell => ({ type: 'string', value });
const n = (value: number, format?: string): Cell => ({ type: 'number', value, format });
const d = (value: string): Cell => ({ type: 'date', value });

describe('numbers', () => {
  it.each([
    ['24,35', 24.35],
    ['24.35', 24.35],
    ['  7 ', 7],
    ['-3,5', -3.5],
    ['+12', 12],
    ['0,125', 0.125],
    ['1234,567', 1234.567],
    [',5', 0.5],
  ])('reads the text %p as %p', (text, value) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value: { value, percent: false } });
  });

  it.each(['1.000', '2,500', '1.000.000', '1,000.5', '1 000', '12.345.678,9'])(
    'rejects the ambiguous %p asking for a numeric cell',
    (text) => {
      const read = parseNumberText(text);
      expect(read).toMatchObject({ ok: false, code: 'NUMERO_AMBIGUO' });
      if (!read.ok) expect(read.detail).toContain('celda de tipo número');
    },
  );

  it.each(['abc', '12abc', '=A1+B1', '-abc', '5.', '1e3', '$ 100'])('rejects the non-number %p', (text) => {
    expect(parseNumberText(text)).toMatchObject({ ok: false, code: 'NUMERO_INVALIDO' });
  });

  it('reads numeric cells, percent-formatted cells and percent text', () => {
    expect(readNumber(n(1500))).toEqual({ ok: true, value: { value: 1500, percent: false } });
    expect(readNumber(n(0.45, '0%'))).toEqual({ ok: true, value: { value: 0.45, percent: true } });
    expect(readNumber(n(1, '0.00 %'))).toEqual({ ok: true, value: { value: 1, percent: true } });
    expect(readNumber(s('45%'))).toEqual({ ok: true, value: { value: 0.45, percent: true } });
    expect(readNumber(s('12,5 %'))).toEqual({ ok: true, value: { value: 0.125, percent: true } });
    expect(readNumber(undefined)).toEqual({ ok: true, value: null });
    expect(readNumber(s('   '))).toEqual({ ok: true, value: null });
  });

  it('rejects date, boolean and error cells where a number goes', () => {
    expect(readNumber(d('2024-01-02T00:00:00'))).toMatchObject({ ok: false, code: 'NUMERO_INVALIDO' });
    expect(readNumber({ type: 'boolean', value: true })).toMatchObject({ ok: false, code: 'NUMERO_INVALIDO' });
    expect(readNumber({ type: 'error', value: '#DIV/0!' })).toMatchObject({ ok: false, code: 'NUMERO_INVALIDO' });
  });

  it('recognises percent formats, ignoring quoted and escaped percent signs', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('General')).toBe(false);
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });
});

describe('dates and times', () => {
  it('reads Excel date cells and text dates as ISO', () => {
    expect(readDate(d('2020-12-18T00:00:00'))).toEqual({ ok: true, value: '2020-12-18' });
    expect(readDate(s('2020-12-18'))).toEqual({ ok: true, value: '2020-12-18' });
    expect(readDate(s('18/12/2020'))).toEqual({ ok: true, value: '2020-12-18' });
    expect(readDate(s('8/1/2020'))).toEqual({ ok: true, value: '2020-01-08' });
    expect(readDate(undefined)).toEqual({ ok: true, value: null });
  });

  it.each(['2020-02-30', '31/04/2020', '12-18-2020', '2020/12/18', 'diciembre 18', '18/12/20'])('rejects the date %p', (text) => {
    expect(readDate(s(text))).toMatchObject({ ok: false, code: 'FECHA_INVALIDA' });
  });

  it('rejects numbers and time-only cells where a date goes', () => {
    expect(readDate(n(45292))).toMatchObject({ ok: false, code: 'FECHA_INVALIDA' });
    expect(readDate(d('1899-12-31T08:00:00'))).toMatchObject({ ok: false, code: 'FECHA_INVALIDA' });
  });

  it.each([
    ['08:05', '08:05'],
    ['8:05', '08:05'],
    ['14:30:00', '14:30'],
    ['8:00 am', '08:00'],
    ['8:00 a. m.', '08:00'],
    ['2:15 p.m.', '14:15'],
    ['12:00 am', '00:00'],
    ['12:30 PM', '12:30'],
  ])('reads the time %p as %p', (text, value) => {
    expect(readTime(s(text))).toEqual({ ok: true, value });
  });

  it.each(['25:00', '8:60', '13:00 pm', 'ocho', '8'])('rejects the time %p', (text) => {
    expect(readTime(s(text))).toMatchObject({ ok: false, code: 'HORA_INVALIDA' });
  });

  it('reads Excel time cells and date-time cells', () => {
    expect(readTime(d('1899-12-31T08:05:00'))).toEqual({ ok: true, value: '08:05' });
    expect(readTime(d('2020-12-18T17:45:00'))).toEqual({ ok: true, value: '17:45' });
    expect(readTime(n(0.5))).toMatchObject({ ok: false, code: 'HORA_INVALIDA' });
  });
});

describe('booleans', () => {
  it.each(['Sí', 'Si', 'SI', 'sí', 'S', 's', 'X', 'x', '1', 'true', 'TRUE', 'Verdadero'])('%p is yes', (text) => {
    expect(readBoolean(s(text))).toEqual({ ok: true, value: true });
  });

  it.each(['No', 'no', 'N', '0', 'false', 'FALSO', '  '])('%p is no', (text) => {
    expect(readBoolean(s(text))).toEqual({ ok: true, value: false });
  });

  it('reads boolean and 0/1 cells, empty as no, and rejects anything else', () => {
    expect(readBoolean({ type: 'boolean', value: true })).toEqual({ ok: true, value: true });
    expect(readBoolean(n(1))).toEqual({ ok: true, value: true });
    expect(readBoolean(n(0))).toEqual({ ok: true, value: false });
    expect(readBoolean(undefined)).toEqual({ ok: true, value: false });
    expect(readBoolean(s('tal vez'))).toMatchObject({ ok: false, code: 'VALOR_NO_PERMITIDO' });
    expect(readBoolean(n(2))).toMatchObject({ ok: false, code: 'VALOR_NO_PERMITIDO' });
  });
});

describe('enumerations, lists and text', () => {
  const roles = Object.values(MembershipRole);
  const aliases = { P: MembershipRole.PRESIDENCIA, S: MembershipRole.SECRETARIA_TECNICA, IP: MembershipRole.INVITADO_PERMANENTE };

  it('matches ignoring case, accents and spaces versus underscores', () => {
    expect(readEnum(s('Secretaría técnica'), roles)).toEqual({ ok: true, value: 'SECRETARIA_TECNICA' });
    expect(readEnum(s('  integrante '), roles)).toEqual({ ok: true, value: 'INTEGRANTE' });
    expect(readEnum(s('invitado-permanente'), roles)).toEqual({ ok: true, value: 'INVITADO_PERMANENTE' });
  });

  it('accepts abbreviations and rejects unknown values listing the allowed ones', () => {
    expect(readEnum(s('ip'), roles, aliases)).toEqual({ ok: true, value: 'INVITADO_PERMANENTE' });
    expect(readEnum(s('P'), roles, aliases)).toEqual({ ok: true, value: 'PRESIDENCIA' });
    const bad = readEnum(s('Jefe'), roles, aliases);
    expect(bad).toMatchObject({ ok: false, code: 'VALOR_NO_PERMITIDO' });
    if (!bad.ok) expect(bad.detail).toContain('PRESIDENCIA, SECRETARIA_TECNICA');
    expect(readEnum(undefined, roles)).toEqual({ ok: true, value: null });
  });

  it('splits lists by commas, semicolons or line breaks', () => {
    expect(readList(s('05, 11;12\n13,,'), 'comma')).toEqual(['05', '11', '12', '13']);
    expect(readList(s('1. Saludo\n2. Balance, logros\r\n'), 'newline')).toEqual(['1. Saludo', '2. Balance, logros']);
    expect(readList(undefined, 'comma')).toEqual([]);
  });

  it('trims text and keeps formula-looking text as text', () => {
    expect(readText(s('  Hola  mundo '))).toBe('Hola  mundo');
    expect(readText(s('=HIPERVINCULO("x")'))).toBe('=HIPERVINCULO("x")');
    expect(readText(s('+ab'))).toBe('+ab');
    expect(readText(s('@usuario'))).toBe('@usuario');
    expect(readText(s('-abc'))).toBe('-abc');
    expect(readText(s('   '))).toBeNull();
  });

  it('shows numbers with full precision unless a specific format is set', () => {
    expect(cellAsText(n(1.1))).toBe('1.1');
    expect(cellAsText({ type: 'number', value: 2, format: '00', text: '02' })).toBe('02');
    expect(cellAsText({ type: 'boolean', value: false })).toBe('No');
    expect(cellAsText(d('2024-05-01T00:00:00'))).toBe('2024-05-01');
    expect(cellAsText(d('1899-12-31T08:00:00'))).toBe('08:00');
  });
});
