/** Spanish names of reporting periods, as an entity reads them ("Primer trimestre de 2024"). */
import { MONTHS } from './number-format';

const ORDINALS = ['Primer', 'Segundo', 'Tercer', 'Cuarto', 'Quinto', 'Sexto'];
const SPLITS: Record<string, string> = { S: 'semestre', C: 'cuatrimestre', T: 'trimestre', B: 'bimestre' };
const SPANS: Record<string, number> = { BIENIO: 2, TRIENIO: 3, CUATRIENIO: 4, QUINQUENIO: 5 };

/** Position of a period within its year (T3 → 3, M07 → 7, ANUAL and multi-year spans → 1). */
export function periodNumber(code: string): number {
  const m = /^[SCTBM](\d{1,2})$/.exec(code.trim().toUpperCase());
  return m ? Number(m[1]) : 1;
}

/**
 * `Año 2024`, `Primer semestre de 2024`, `Tercer trimestre de 2024`, `Julio de 2024`,
 * `Bienio 2023–2024` (a multi-year span is named by the year it ends in, as it is reported). An unknown
 * code reads as itself with its year.
 */
export function periodLabel(year: number, code: string, firstYear?: number): string {
  const c = code.trim().toUpperCase();
  if (c === 'ANUAL') return `Año ${year}`;
  const month = /^M(0[1-9]|1[0-2])$/.exec(c);
  if (month) {
    const name = MONTHS[Number(month[1]) - 1]!;
    return `${name[0]!.toUpperCase()}${name.slice(1)} de ${year}`;
  }
  const split = /^([SCTB])([1-6])$/.exec(c);
  if (split && SPLITS[split[1]!]) return `${ORDINALS[Number(split[2]) - 1]} ${SPLITS[split[1]!]} de ${year}`;
  const span = SPANS[c];
  if (span) {
    const from = firstYear ?? year - span + 1;
    return `${c[0]}${c.slice(1).toLowerCase()} ${from}–${year}`;
  }
  return `${c} ${year}`;
}
