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

export enum Periodicity {
  MENSUAL = 'MENSUAL',
  TRIMESTRAL = 'TRIMESTRAL',
  SEMESTRAL = 'SEMESTRAL',
  ANUAL = 'ANUAL',
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
 * Period codes: ANUAL, S1..S2, T1..T4, M01..M12. A goal's period is null for the whole year.
 */
export type PeriodCode = string;
