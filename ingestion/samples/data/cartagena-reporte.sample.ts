/**
 * REPORTE sample: progress reports of 2024 for the Cartagena policy (cartagena-plan.sample.ts),
 * uploaded by the planning office on behalf of the responsible entities. The values are
 * ILLUSTRATIVE (the seed is a product sheet, not a report), chosen so the dashboard shows every
 * traffic light (calculation.md):
 *
 *   cut 2024-12-31: 1.1 ALTO (230 of 200), 1.2 BAJO (no report: missingReport), 2.1 MEDIO
 *   (9,3 days against 9 from a baseline of 10), 2.2 ALTO (96 %), 3.1 BAJO (3 of 8), 3.2 ALTO
 *   (14 against 15 from a baseline of 10), 3.5 ALTO (86 of 100);
 *   cut 2024-06-30: the annual products 1.2 and 3.5 are NOT_DUE, 3.2 is BAJO (11 against 12,5).
 */
import { CARTAGENA_ENTITIES } from './entities.sample';
import { CARTAGENA_POLICY_CODE } from './cartagena-plan.sample';
import { ReportSample, ReporteSample } from './sample.types';

const SPDS = 'Enlace de seguimiento – Secretaría de Participación y Desarrollo Social';
const INTERIOR = 'Enlace de seguimiento – Secretaría del Interior y Convivencia Ciudadana';
const DADIS = 'Enlace de seguimiento – Departamento Administrativo Distrital de Salud';
const SED = 'Enlace de seguimiento – Secretaría de Educación Distrital';

const report = (productCode: string, period: string, value: number, extra: Partial<ReportSample> = {}): ReportSample => ({
  policyCode: CARTAGENA_POLICY_CODE,
  productCode,
  year: 2024,
  period,
  value,
  ...extra,
});

/** Product 2.2: share of referred women who received psychosocial care, month by month. */
const MONTHLY_2_2: readonly [string, number][] = [
  ['M01', 100],
  ['M02', 100],
  ['M03', 96],
  ['M04', 100],
  ['M05', 95],
  ['M06', 92],
  ['M07', 100],
  ['M08', 98],
  ['M09', 100],
  ['M10', 97],
  ['M11', 94],
  ['M12', 96],
];

const REPORTS: readonly ReportSample[] = [
  report('1.1', 'S1', 120, {
    qualitativeProgress: 'Se certificaron 120 mujeres en dos cohortes de formación en emprendimiento y servicios turísticos.',
    evidence: 'Listados de certificación de las cohortes 1 y 2 de 2024',
    reportedBy: SPDS,
  }),
  report('1.1', 'S2', 110, {
    qualitativeProgress: 'Se certificaron 110 mujeres en la tercera cohorte, con énfasis en las localidades de la zona norte.',
    difficulties: 'Deserción por cargas de cuidado; se habilitó un espacio de cuidado infantil durante las clases.',
    evidence: 'Listados de certificación de la cohorte 3 de 2024',
    reportedBy: SPDS,
  }),
  report('2.1', 'T1', 9.9, { qualitativeProgress: 'Se unificó el formato de remisión entre comisarías y el DADIS.', reportedBy: INTERIOR }),
  report('2.1', 'T2', 9.6, { reportedBy: INTERIOR }),
  report('2.1', 'T3', 9.4, { reportedBy: INTERIOR }),
  report('2.1', 'T4', 9.3, {
    qualitativeProgress: 'El tiempo promedio de activación de la ruta bajó a 9,3 días.',
    difficulties: 'Rotación del personal de las comisarías de familia en el cuarto trimestre.',
    evidence: 'Matriz de seguimiento de casos de la ruta, corte 31 de diciembre de 2024',
    reportedBy: INTERIOR,
  }),
  ...MONTHLY_2_2.map(([period, value]) => report('2.2', period, value, { reportedBy: DADIS })),
  report('3.1', 'T1', 1, { reportedBy: SPDS }),
  report('3.1', 'T2', 1, { reportedBy: SPDS }),
  report('3.1', 'T3', 1, { reportedBy: SPDS }),
  report('3.1', 'T4', 0, {
    difficulties: 'La jornada del cuarto trimestre se aplazó para enero de 2025 por la temporada de lluvias.',
    reportedBy: SPDS,
  }),
  report('3.2', 'S1', 11, { reportedBy: SED }),
  report('3.2', 'S2', 14, {
    qualitativeProgress: 'Catorce instituciones educativas oficiales implementan la estrategia de coeducación.',
    evidence: 'Actas de adopción de la estrategia en los consejos directivos',
    reportedBy: SED,
  }),
  report('3.5', 'ANUAL', 86, {
    qualitativeProgress:
      '86 mujeres víctimas de trata vinculadas al programa de acompañamiento, protección y atención psicosocial y jurídico.',
    difficulties: 'Subregistro de casos: pocas víctimas denuncian.',
    evidence: 'Informe anual 2024 del programa de atención a víctimas de trata',
    reportedBy: INTERIOR,
  }),
];

export const CARTAGENA_REPORTE_2024: ReporteSample = {
  entities: CARTAGENA_ENTITIES,
  reports: REPORTS,
};

/** The product left without its 2024 report (missingReport at the 2024-12-31 cut). */
export const CARTAGENA_UNREPORTED_PRODUCT = '1.2';
