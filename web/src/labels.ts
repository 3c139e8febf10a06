import type {
  CommitmentStatus,
  ImportKind,
  ImportStatus,
  InstanceKind,
  MembershipRole,
  SessionStatus,
  SessionType,
  TrafficLight,
} from './gql/graphql';

/** Spanish names of the API's enumerations, as the office writes them. */
export const TRAFFIC_LIGHT_LABEL: Record<TrafficLight, string> = {
  ALTO: 'Alto',
  MEDIO: 'Medio',
  BAJO: 'Bajo',
  NOT_DUE: 'No exigible',
};

export const INSTANCE_KIND_LABEL: Record<InstanceKind, string> = {
  COMITE: 'Comité',
  CONSEJO: 'Consejo',
  ESPACIO_PARTICIPACION: 'Espacio de participación',
  MESA: 'Mesa',
  OTRA: 'Otra',
};

export const SESSION_TYPE_LABEL: Record<SessionType, string> = { ORDINARIA: 'Ordinaria', EXTRAORDINARIA: 'Extraordinaria' };
export const SESSION_TYPE_PLURAL: Record<SessionType, string> = { ORDINARIA: 'Ordinarias', EXTRAORDINARIA: 'Extraordinarias' };
export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  PROGRAMADA: 'Programada',
  REALIZADA: 'Realizada',
  CANCELADA: 'Cancelada',
};
export const COMMITMENT_STATUS_LABEL: Record<CommitmentStatus, string> = { ABIERTO: 'Abierto', CUMPLIDO: 'Cumplido' };

export const MEMBERSHIP_ROLE_LABEL: Record<MembershipRole, string> = {
  PRESIDENCIA: 'Presidencia',
  SECRETARIA_TECNICA: 'Secretaría técnica',
  INTEGRANTE: 'Integrante',
  INVITADO_PERMANENTE: 'Invitado permanente',
  OTRO: 'Otro',
};

export const IMPORT_STATUS_LABEL: Record<ImportStatus, string> = {
  PENDING: 'En cola',
  PROCESSING: 'En proceso',
  IMPORTED: 'Importado',
  REJECTED: 'Rechazado',
  DUPLICATE: 'Duplicado',
};

export const IMPORT_KIND_LABEL: Record<ImportKind, string> = { PLAN: 'Plan', REPORTE: 'Reporte', INSTANCIA: 'Instancia' };

/** An entity as tables show it: its acronym when it has one, else its name. */
export function entityLabel(entity: { name: string; acronym?: string | null } | null | undefined): string {
  if (!entity) return '';
  return entity.acronym || entity.name;
}
