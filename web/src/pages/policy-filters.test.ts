import { invalidPolicyParams, parsePolicyUrl, toProductFilter, toUrlParams } from './policy-filters';

const none = {
  cut: null,
  objective: null,
  sector: null,
  entity: null,
  light: null,
  missingReport: false,
  overExecution: false,
  basis: 'APPROVED' as const,
};

describe('policy page URL ⇄ state ⇄ API filter', () => {
  it.each([
    ['', none, undefined],
    ['corte=2024-06-30', { ...none, cut: '2024-06-30' }, undefined],
    ['corte=2024-02-30', none, undefined], // not a date: today
    ['objetivo=3', { ...none, objective: 3 }, { objectiveNumber: 3 }],
    ['objetivo=tres', none, undefined],
    ['sector=Salud', { ...none, sector: 'Salud' }, { sector: 'Salud' }],
    ['entidad=SDM', { ...none, entity: 'SDM' }, { entity: 'SDM' }],
    ['semaforo=ALTO', { ...none, light: 'ALTO' }, { trafficLight: 'ALTO' }],
    ['semaforo=medio', { ...none, light: 'MEDIO' }, { trafficLight: 'MEDIO' }],
    ['semaforo=NO_EXIGIBLE', { ...none, light: 'NOT_DUE' }, { trafficLight: 'NOT_DUE' }],
    ['semaforo=VERDE', none, undefined],
    ['sinReporte=1', { ...none, missingReport: true }, { missingReport: true }],
    ['sinReporte=0', none, undefined],
    ['sobreejecucion=1', { ...none, overExecution: true }, { overExecution: true }],
    ['base=enviadas', { ...none, basis: 'SUBMITTED' }, undefined],
    ['base=aprobadas', none, undefined],
    ['base=otra', none, undefined],
    [
      'corte=2023-12-31&objetivo=1&sector=Mujer&entidad=SM&semaforo=BAJO&sinReporte=1&sobreejecucion=1',
      {
        cut: '2023-12-31',
        objective: 1,
        sector: 'Mujer',
        entity: 'SM',
        light: 'BAJO',
        missingReport: true,
        overExecution: true,
        basis: 'APPROVED',
      },
      { objectiveNumber: 1, sector: 'Mujer', entity: 'SM', trafficLight: 'BAJO', missingReport: true, overExecution: true },
    ],
  ])('?%s', (query, state, filter) => {
    const parsed = parsePolicyUrl(new URLSearchParams(query));
    expect(parsed).toEqual(state);
    expect(toProductFilter(parsed)).toEqual(filter);
    // Writing the state back gives a URL that reads the same.
    expect(parsePolicyUrl(toUrlParams(parsed))).toEqual(state);
  });

  it.each([
    ['corte=2024-13-01', ['corte=2024-13-01 no es una fecha AAAA-MM-DD; se muestra la fecha de hoy.']],
    ['objetivo=x', ['objetivo=x no es un número de objetivo.']],
    ['semaforo=VERDE', ['semaforo=VERDE no es ALTO, MEDIO, BAJO ni NO_EXIGIBLE.']],
    ['corte=2024-06-30&semaforo=NO_EXIGIBLE', []],
    ['base=todas', ['base=todas no es «aprobadas» ni «enviadas»; se usan las aprobadas.']],
  ])('explains ?%s', (query, problems) => {
    expect(invalidPolicyParams(new URLSearchParams(query))).toEqual(problems);
  });

  it('writes NO_EXIGIBLE for NOT_DUE and only the parameters in use', () => {
    expect(toUrlParams({ ...none, light: 'NOT_DUE', missingReport: true }).toString()).toBe('semaforo=NO_EXIGIBLE&sinReporte=1');
  });
});
