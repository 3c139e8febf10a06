/**
 * The data of the demo sample workbooks, transcribed from the seed documents (shared/seeds) as
 * typed constants. One module per workbook under ./data; each one documents what comes from its
 * seed and what is assumed or invented. In short:
 *
 * - seed 000 → BOGOTA_TRATA_2020: Bogotá's district committee against human trafficking, acta
 *   No. 4 de 2020, members by role, list attendance (otros asistentes included) and the 2021 action
 *   plan as commitments;
 * - seed 002 → ZESAI_2020_S1: the ZESAI table, January-June 2020, attendance matrix, programmed
 *   sessions and functions addressed;
 * - seed 003 → CDMX_ESPACIO_2018 (session 23 of 2018 with its product reviews and operative
 *   agreements) and PDH_CDMX_PLAN (the reviewed strategies as products of a policy);
 * - seed 004 → CARTAGENA_PLAN (product 3.5 and six illustrative products) and
 *   CARTAGENA_REPORTE_2024 (illustrative 2024 reports).
 *
 * Entity codes: only `02` comes from a seed (004); the others are invented short codes with a
 * BOG-, CO-, CTG-, CDMX- or INT- prefix (data/entities.sample.ts). Instance and policy codes are
 * invented too, except `ZESAI`.
 */
export * from './data/sample.types';
export { BOGOTA_ENTITIES, CARTAGENA_ENTITIES, CDMX_ENTITIES } from './data/entities.sample';
export { CARTAGENA_PLAN, CARTAGENA_POLICY_CODE, SEED_004_PRODUCT } from './data/cartagena-plan.sample';
export { CARTAGENA_REPORTE_2024, CARTAGENA_UNREPORTED_PRODUCT } from './data/cartagena-reporte.sample';
export { PDH_CDMX_PLAN, PDH_CDMX_POLICY_CODE } from './data/pdh-cdmx-plan.sample';
export { ACTA_4_2020, BOGOTA_TRATA_2020, BOGOTA_TRATA_CODE, BOGOTA_TRATA_COUNTS } from './data/bogota-trata.sample';
export { BOGOTA_COMMITMENTS_2021 } from './data/bogota-trata-compromisos.sample';
export { ZESAI_2020_S1, ZESAI_CODE, ZESAI_DATES, ZESAI_MATRIX } from './data/zesai.sample';
export { CDMX_ATTENDEE_COUNT, CDMX_ESPACIO_2018, CDMX_ESPACIO_CODE } from './data/cdmx-espacio.sample';
