/**
 * Enumerations of the domain (docs/dominio.md). The values are the canonical identifiers that
 * the database stores, the GraphQL schema exposes (UPPER_SNAKE) and the templates accept.
 * This file is pure: no TypeORM, no GraphQL, so every layer (calculation, ingestion) may import it.
 */

export enum EntityLevel {
  DISTRITAL = 'DISTRITAL',
  NACIONAL = 'NACIONAL',
  CONTROL = 'CONTROL',
  SOCIEDAD_CIVIL = 'SOCIEDAD_CIVIL',
  COOPERACION = 'COOPERACION',
  ACADEMIA = 'ACADEMIA',
  OTRO = 'OTRO',
}

export enum InstanceKind {
  COMITE = 'COMITE',
  MESA = 'MESA',
  ESPACIO_PARTICIPACION = 'ESPACIO_PARTICIPACION',
  CONSEJO = 'CONSEJO',
  OTRA = 'OTRA',
}

export enum MembershipRole {
  PRESIDENCIA = 'PRESIDENCIA',
  SECRETARIA_TECNICA = 'SECRETARIA_TECNICA',
  INTEGRANTE = 'INTEGRANTE',
  INVITADO_PERMANENTE = 'INVITADO_PERMANENTE',
  OTRO = 'OTRO',
}

/** Roles that vote and count for quorum (docs/dominio.md). */
export const VOTING_ROLES: ReadonlySet<MembershipRole> = new Set([
  MembershipRole.PRESIDENCIA,
  MembershipRole.SECRETARIA_TECNICA,
  MembershipRole.INTEGRANTE,
]);

export enum SessionType {
  ORDINARIA = 'ORDINARIA',
  EXTRAORDINARIA = 'EXTRAORDINARIA',
}

export enum SessionModality {
  PRESENCIAL = 'PRESENCIAL',
  VIRTUAL = 'VIRTUAL',
  MIXTA = 'MIXTA',
}

export enum SessionStatus {
  PROGRAMADA = 'PROGRAMADA',
  REALIZADA = 'REALIZADA',
  CANCELADA = 'CANCELADA',
}

export enum CommitmentStatus {
  ABIERTO = 'ABIERTO',
  CUMPLIDO = 'CUMPLIDO',
}

export enum AnnualizationType {
  SUMA = 'SUMA',
  CONSTANTE = 'CONSTANTE',
  CRECIENTE = 'CRECIENTE',
  DECRECIENTE = 'DECRECIENTE',
}

/** The SDP catalogue of periodicities (docs/calculation.md §1): splits of a year, or spans of several years. */
export enum Periodicity {
  MENSUAL = 'MENSUAL',
  BIMESTRAL = 'BIMESTRAL',
  TRIMESTRAL = 'TRIMESTRAL',
  CUATRIMESTRAL = 'CUATRIMESTRAL',
  SEMESTRAL = 'SEMESTRAL',
  ANUAL = 'ANUAL',
  BIENAL = 'BIENAL',
  TRIENAL = 'TRIENAL',
  CUATRIENAL = 'CUATRIENAL',
  QUINQUENAL = 'QUINQUENAL',
}

/** Whether a product still counts in its plan (vigente) or was withdrawn from it (no vigente). */
export enum ProductStatus {
  VIGENTE = 'VIGENTE',
  NO_VIGENTE = 'NO_VIGENTE',
}

/** Why a stored figure of a product or result is not what the plan literally says (set at import). */
export enum QualityFlag {
  /** The plan gives other products weights and this one none: it weighs 0. */
  PONDERADOR_FALTANTE = 'PONDERADOR_FALTANTE',
  /** DECRECIENTE without a numeric baseline: its figures are null (SDP V16). */
  LINEA_BASE_FALTANTE = 'LINEA_BASE_FALTANTE',
  /** The final goal is on the wrong side of the baseline (SDP V14). */
  META_FINAL_LADO_EQUIVOCADO = 'META_FINAL_LADO_EQUIVOCADO',
  /** The yearly goals do not reach the final goal (SDP V17). */
  METAS_NO_ALCANZAN_META_FINAL = 'METAS_NO_ALCANZAN_META_FINAL',
  /** Its series mixes scales (fractions next to percentages, values about 100× apart). */
  ESCALA_MEZCLADA = 'ESCALA_MEZCLADA',
  /** A result whose products' weights do not add up to its own weight (SDP V1). */
  PONDERADORES_NO_ANIDAN = 'PONDERADORES_NO_ANIDAN',
}

/** Role of an API token and of who is asking (docs/security.md). */
export enum Role {
  ADMIN = 'ADMIN',
  ENTITY = 'ENTITY',
  VIEWER = 'VIEWER',
}

/** Priority levels of a product (seed 004): 1 Urgente, 2 Muy urgente, 3 Atención inmediata. */
export type Priority = 1 | 2 | 3;

export enum TrafficLight {
  ALTO = 'ALTO',
  MEDIO = 'MEDIO',
  BAJO = 'BAJO',
  NOT_DUE = 'NOT_DUE',
}

export enum ImportKind {
  PLAN = 'PLAN',
  REPORTE = 'REPORTE',
  INSTANCIA = 'INSTANCIA',
}

export enum ImportStatus {
  PENDING = 'PENDING',
  PROCESSING = 'PROCESSING',
  IMPORTED = 'IMPORTED',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
}

export enum ImportIssueSeverity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}

/**
 * Period codes: ANUAL, S1..S2, C1..C3, T1..T4, B1..B6, M01..M12, BIENIO, TRIENIO, CUATRIENIO, QUINQUENIO.
 * A goal's period is null for the whole year.
 */
export type PeriodCode = string;

/** Review state of a progress report (docs/review.md): sent and waiting, accepted by the office, or sent back. */
export enum ReviewStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

/** Which reported values the figures use: the ones the office approved (default) or the latest ones sent. */
export enum ReportBasis {
  APPROVED = 'APPROVED',
  SUBMITTED = 'SUBMITTED',
}
