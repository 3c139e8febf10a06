/**
 * Demo of the review cycle (docs/review.md): 2025 reports the Secretaría de Participación y
 * Desarrollo Social (CTG-SPDS) sends itself with an ENTITY key, after the office's 2024 reports.
 * `npm start` uploads them as that entity and then decides two of them: 1.1 S1 approved, 3.1 T1
 * returned with a comment, 3.1 T2 left pending. Values are ILLUSTRATIVE.
 */
import { CARTAGENA_POLICY_CODE } from './cartagena-plan.sample';
import { ReporteSample } from './sample.types';

export const DEMO_ENTITY_CODE = 'CTG-SPDS';
const BY = 'Enlace de seguimiento – Secretaría de Participación y Desarrollo Social';

export const CARTAGENA_ENTITY_REPORTE_2025: ReporteSample = {
  entities: [],
  reports: [
    {
      policyCode: CARTAGENA_POLICY_CODE,
      productCode: '1.1',
      year: 2025,
      period: 'S1',
      value: 105,
      qualitativeProgress: 'Se certificaron 105 mujeres en la primera cohorte de 2025.',
      evidence: 'Listado de certificación de la cohorte 1 de 2025',
      reportedBy: BY,
    },
    {
      policyCode: CARTAGENA_POLICY_CODE,
      productCode: '3.1',
      year: 2025,
      period: 'T1',
      value: 4,
      qualitativeProgress: 'Cuatro jornadas de sensibilización en colegios.',
      reportedBy: BY,
    },
    { policyCode: CARTAGENA_POLICY_CODE, productCode: '3.1', year: 2025, period: 'T2', value: 2, reportedBy: BY },
  ],
};

/** The office's decisions on the demo reports (productCode, year, period). */
export const DEMO_DECISIONS = {
  approve: [{ productCode: '1.1', year: 2025, period: 'S1' }],
  return: [{ productCode: '3.1', year: 2025, period: 'T1', comment: 'Adjunte las actas de las cuatro jornadas como evidencia y vuelva a enviar el reporte.' }],
};
