import type { PolicyProductFilter, ReportBasis, TrafficLight } from '../gql/graphql';
import { isIsoDate } from '../format';

/**
 * The policy page's URL parameters (docs/web.md#direcciones): `corte`, `objetivo`, `sector`, `entidad`,
 * `semaforo` (ALTO, MEDIO, BAJO, NO_EXIGIBLE), `sinReporte=1`, `sobreejecucion=1`, `base=enviadas` (figures on the
 * values sent, basis SUBMITTED; default the approved ones). Pure, table-tested.
 */
export interface PolicyUrlState {
  cut: string | null;
  objective: number | null;
  sector: string | null;
  entity: string | null;
  light: TrafficLight | null;
  missingReport: boolean;
  overExecution: boolean;
  basis: ReportBasis;
}

const URL_TO_LIGHT: Record<string, TrafficLight> = { ALTO: 'ALTO', MEDIO: 'MEDIO', BAJO: 'BAJO', NO_EXIGIBLE: 'NOT_DUE' };
const LIGHT_TO_URL: Record<TrafficLight, string> = { ALTO: 'ALTO', MEDIO: 'MEDIO', BAJO: 'BAJO', NOT_DUE: 'NO_EXIGIBLE' };

export const URL_LIGHTS = ['ALTO', 'MEDIO', 'BAJO', 'NO_EXIGIBLE'] as const;

export function lightFromUrl(value: string | null): TrafficLight | null {
  return value ? (URL_TO_LIGHT[value.toUpperCase()] ?? null) : null;
}

export function lightToUrl(light: TrafficLight): string {
  return LIGHT_TO_URL[light];
}

function text(value: string | null): string | null {
  const t = value?.trim();
  return t ? t : null;
}

export function parsePolicyUrl(params: URLSearchParams): PolicyUrlState {
  const corte = params.get('corte');
  const objetivo = params.get('objetivo');
  const objective = objetivo && /^\d{1,4}$/.test(objetivo) ? Number(objetivo) : null;
  return {
    cut: isIsoDate(corte) ? corte : null,
    objective,
    sector: text(params.get('sector')),
    entity: text(params.get('entidad')),
    light: lightFromUrl(params.get('semaforo')),
    missingReport: params.get('sinReporte') === '1',
    overExecution: params.get('sobreejecucion') === '1',
    basis: params.get('base') === 'enviadas' ? 'SUBMITTED' : 'APPROVED',
  };
}

/** Parameters present in the URL but not understood (shown to the reader rather than silently ignored). */
export function invalidPolicyParams(params: URLSearchParams): string[] {
  const problems: string[] = [];
  const corte = params.get('corte');
  if (corte !== null && !isIsoDate(corte)) problems.push(`corte=${corte} no es una fecha AAAA-MM-DD; se muestra la fecha de hoy.`);
  const objetivo = params.get('objetivo');
  if (objetivo !== null && !/^\d{1,4}$/.test(objetivo)) problems.push(`objetivo=${objetivo} no es un número de objetivo.`);
  const semaforo = params.get('semaforo');
  if (semaforo !== null && !lightFromUrl(semaforo)) problems.push(`semaforo=${semaforo} no es ALTO, MEDIO, BAJO ni NO_EXIGIBLE.`);
  const base = params.get('base');
  if (base !== null && base !== 'enviadas' && base !== 'aprobadas')
    problems.push(`base=${base} no es «aprobadas» ni «enviadas»; se usan las aprobadas.`);
  return problems;
}

export function toUrlParams(state: PolicyUrlState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.cut) p.set('corte', state.cut);
  if (state.objective !== null) p.set('objetivo', String(state.objective));
  if (state.sector) p.set('sector', state.sector);
  if (state.entity) p.set('entidad', state.entity);
  if (state.light) p.set('semaforo', lightToUrl(state.light));
  if (state.missingReport) p.set('sinReporte', '1');
  if (state.overExecution) p.set('sobreejecucion', '1');
  if (state.basis === 'SUBMITTED') p.set('base', 'enviadas');
  return p;
}

/** The API filter of `Policy.products` for the URL's state (undefined when nothing filters). */
export function toProductFilter(state: PolicyUrlState): PolicyProductFilter | undefined {
  const filter: PolicyProductFilter = {};
  if (state.objective !== null) filter.objectiveNumber = state.objective;
  if (state.sector) filter.sector = state.sector;
  if (state.entity) filter.entity = state.entity;
  if (state.light) filter.trafficLight = state.light;
  if (state.missingReport) filter.missingReport = true;
  if (state.overExecution) filter.overExecution = true;
  return Object.keys(filter).length ? filter : undefined;
}

export function hasFilters(state: PolicyUrlState): boolean {
  return toProductFilter(state) !== undefined;
}
