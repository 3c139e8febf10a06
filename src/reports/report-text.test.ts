import { counted, followUpLabel, gapVariant, joinList, ofThePolicy, periodPhrase, sectorPhrase, thresholdText } from './report-text';

describe('report text helpers', () => {
  it.each<[number, number, string]>([
    [0.0865, 1, 'positiva'],
    [0.0004, 1, 'sin_brecha'],
    [-0.0004, 1, 'sin_brecha'],
    [-0.0005, 1, 'negativa'],
    [-0.064, 1, 'negativa'],
    [0, 2, 'sin_brecha'],
    [0.00004, 2, 'sin_brecha'],
    [0.00005, 2, 'positiva'],
  ])('gapVariant(%p, %p) → %p', (gap, decimals, expected) => expect(gapVariant(gap, decimals)).toBe(expected));

  it.each<[string[], string]>([
    [[], ''],
    [['Salud'], 'Salud'],
    [['Salud', 'Mujer'], 'Salud y Mujer'],
    [['Gobierno', 'Educación', 'Cultura'], 'Gobierno, Educación y Cultura'],
  ])('joinList(%p) → %p', (items, expected) => expect(joinList(items)).toBe(expected));

  it.each<[number, string]>([
    [0, '0 productos'],
    [1, '1 producto'],
    [1200, '1.200 productos'],
  ])('counted(%p) → %p', (n, expected) => expect(counted(n, 'producto')).toBe(expected));

  it.each<[string[], string]>([
    [['Salud'], 'el sector Salud'],
    [['Gobierno', 'Educación'], 'los sectores Gobierno y Educación'],
  ])('sectorPhrase(%p) → %p', (names, expected) => expect(sectorPhrase(names)).toBe(expected));

  it.each<[number, string]>([
    [0.75, '75%'],
    [0.5, '50%'],
    [0.755, '75,5%'],
  ])('thresholdText(%p) → %p', (v, expected) => expect(thresholdText(v)).toBe(expected));

  it.each<[string, string, string]>([
    ['2022-06-30', '2022-1', 'primer semestre del año 2022'],
    ['2022-12-31', '2022-2', 'segundo semestre del año 2022'],
    ['2024-07-01', '2024-2', 'segundo semestre del año 2024'],
  ])('cut %p → %p, %p', (cut, label, phrase) => {
    expect(followUpLabel(cut)).toBe(label);
    expect(periodPhrase(cut)).toBe(phrase);
  });

  it.each<[string, string]>([
    ['Política Pública de Mujeres', 'de la Política Pública de Mujeres'],
    ['Programa de Derechos Humanos', 'del Programa de Derechos Humanos'],
    ['Plan Decenal de Cultura', 'del Plan Decenal de Cultura'],
  ])('ofThePolicy(%p) → %p', (name, expected) => expect(ofThePolicy(name)).toBe(expected));
});
