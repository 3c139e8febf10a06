/**
 * INSTANCIA sample of seed 000: acta No. 4 de 2020 (ordinary, virtual session of 18 December 2020)
 * of Bogotá's district committee against human trafficking, with its members by role, the list
 * attendance of the acta and the 2021 action plan as commitments (bogota-trata-compromisos.sample.ts).
 *
 * Transcription notes:
 * - Names, positions and entities as the acta writes them (positions trimmed; the rank of "Mayor Sol
 *   Leidy Cano" moved to her position). The presidency is held by Camilo Acero Azuero as delegate
 *   of the Alcaldía Mayor ("quien preside el Comité en calidad de delegado"); Andrés Idárraga Franco
 *   is both a member for the Secretaría Distrital de Gobierno and the technical secretary (two rows).
 * - Every member row marks "Delegación: Sí" and "Asiste: Sí"; every permanent guest and every one of
 *   the 24 "otros asistentes" attended. The otros asistentes are not in `Integrantes`, so the import
 *   records them as attendees with role OTRO; their position goes to `Observaciones` (the attendance
 *   sheet has no position column). Three of them have no entity in the acta: BOG-SIN-ENTIDAD.
 * - The instance code is invented; the legal basis is the decree the acta cites for the quorum check.
 */
import { InstanceKind, MembershipRole, SessionModality, SessionType } from '../../../src/domain/enums';
import { BOGOTA_COMMITMENTS_2021 } from './bogota-trata-compromisos.sample';
import { BOGOTA_ENTITIES, entitiesOf } from './entities.sample';
import { AttendanceSample, InstanciaSample, MemberSample } from './sample.types';

const { PRESIDENCIA, SECRETARIA_TECNICA, INTEGRANTE, INVITADO_PERMANENTE } = MembershipRole;

export const BOGOTA_TRATA_CODE = 'CDLTP-BOG';
export const ACTA_4_2020 = { number: 4, year: 2020 } as const;

/** INTEGRANTES DE LA INSTANCIA: [name, position, entity code]. The first presides. */
const INTEGRANTES: readonly [string, string, string][] = [
  ['Camilo Acero Azuero', 'Subsecretario para la Gobernabilidad y Garantía de Derechos', 'BOG-AMB'],
  ['Andrés Idárraga Franco', 'Director Derechos Humanos', 'BOG-SDG'],
  ['Isabel Cristina Jiménez', 'Asesora Subsecretaria de Seguridad y Convivencia', 'BOG-SDSCJ'],
  ['Virginia Torres Montoya', 'Director de Inclusión e Integración de Poblaciones', 'BOG-SED'],
  ['Alexandra Quintero', 'Directora Eliminación de Violencias contra las Mujeres y Acceso a la Justicia', 'BOG-SDMUJER'],
  ['Sandra Patricia Bojacá Santiago', 'Directora Poblacional', 'BOG-SDIS'],
  ['Jaime Guillermo Díaz Chabur', 'Subdirector (E) de Administración del Aseguramiento', 'BOG-SDS'],
  ['Pilar Montaug Castaño', 'Directora de Equidad y Políticas Poblacionales', 'BOG-SDP'],
  ['David Alonzo', 'Director Diversidad Sexual', 'BOG-SDP'],
  ['Ingrid Clavijo', 'Asesor de Despacho', 'BOG-SDDE'],
  ['Martha Selene Lozada', 'Enlace de seguimiento y evaluación - Dirección de Reparación Integral', 'BOG-ACDVPR'],
  ['Martha Verónica Arbeláez Cárdenas', 'Coordinadora Programa Cultura y Responsabilidad Turística', 'BOG-IDT'],
  ['Yeimy Helena Giraldo Torres', 'Asesora Despacho', 'BOG-IDIPRON'],
  ['Andrés González', 'Intendente', 'BOG-MEBOG'],
];

/** INVITADOS PERMANENTES: [name, position, entity code]. */
const INVITADOS: readonly [string, string, string][] = [
  ['Jackeline Butron', 'Profesional', 'CO-SENA'],
  ['Sol Leidy Cano', 'Mayor, Jefe - Grupo investigativo de delitos sexuales y contra la familia', 'CO-DIJIN'],
  ['Carmen Marciales', 'Profesional', 'CO-DEFENSORIA'],
  ['Marcela Salas', 'Profesional', 'CO-DEFENSORIA'],
  ['Diana Patricia Arboleda Ramírez', 'Directora Regional', 'CO-ICBF'],
  ['Jorge Rodríguez', 'Fiscalía 10 especializada', 'CO-FGN'],
  ['Alba Marina Sánchez', 'Profesional especializada', 'CO-PGN'],
  ['Melissa Ballesteros', 'Profesional especializada', 'CO-PGN'],
  ['Angela Patricia Salcedo', 'Profesional especializada', 'CO-MININTERIOR'],
];

/** Otros-as asistentes: [name, position (null when the acta gives none), entity code]. */
const OTROS: readonly [string, string | null, string][] = [
  ['Andrea Peláez Ovalle', 'Contratista', 'BOG-SDG'],
  ['Claudia Dávila', 'Contratista', 'BOG-SDG'],
  ['Catherine Rodríguez', 'Profesional', 'BOG-SED'],
  ['Laura Violeta Montenegro', 'Profesional', 'BOG-SED'],
  ['Maritza Ramírez', 'Contratista', 'BOG-SDIS'],
  ['Miriam Rodríguez', 'Profesional', 'BOG-SDS'],
  ['María Elena Villamil', 'Profesional', 'BOG-PERSONERIA'],
  ['Luz Castellanos', 'Profesional', 'CO-ICBF'],
  ['Yadira Susa Zambrano', 'Profesional', 'CO-ICBF'],
  ['Johana Gómez', 'Profesional', 'BOG-SDS'],
  ['Sofía Alejo Pinilla', 'Profesional', 'BOG-SDMUJER'],
  ['Hasbleidy Bohórquez Puerto', 'Asesora', 'BOG-SDSCJ'],
  ['Johana Díaz', 'Profesional', 'BOG-IDIPRON'],
  ['Martha Ramírez', 'Profesional', 'BOG-IDT'],
  ['Diana Huertas', 'Profesional', 'BOG-SDP'],
  ['Laura Gómez Cruz', 'Profesional', 'BOG-SCALABRINI'],
  ['Sigrid Estefanía Burbano Forero', null, 'BOG-SIN-ENTIDAD'],
  ['María Carolina Gómez Núñez', 'Profesional', 'BOG-SDIS'],
  ['Daniel Yesid Cifuentes', 'Profesional', 'BOG-SDSCJ'],
  ['Manuel Fernando Díaz', 'Profesional, Agencia Pública de Empleo', 'CO-SENA'],
  ['Gaby Rengifo', 'Profesional Especializado', 'INT-OIM'],
  ['Sergio Andrés Torres Alvarado', null, 'BOG-SIN-ENTIDAD'],
  ['Yenni Alexandra Leiva', null, 'BOG-SIN-ENTIDAD'],
  ['Erika Andrea San Martín', 'Profesional Especializado', 'BOG-SDSCJ'],
];

const MEMBERS: readonly MemberSample[] = [
  ...INTEGRANTES.map(
    ([name, position, entityCode], i): MemberSample => ({ name, position, entityCode, role: i === 0 ? PRESIDENCIA : INTEGRANTE }),
  ),
  // SECRETARIA TÉCNICA.
  { name: 'Andrés Idárraga Franco', position: 'Director de Derechos Humanos', entityCode: 'BOG-SDG', role: SECRETARIA_TECNICA },
  ...INVITADOS.map(([name, position, entityCode]): MemberSample => ({ name, position, entityCode, role: INVITADO_PERMANENTE })),
];

const present = (name: string, entityCode: string, extra: Partial<AttendanceSample> = {}): AttendanceSample => ({
  sessionNumber: ACTA_4_2020.number,
  sessionYear: ACTA_4_2020.year,
  name,
  entityCode,
  attended: true,
  ...extra,
});

const ATTENDANCE: readonly AttendanceSample[] = [
  ...INTEGRANTES.map(([name, , entityCode]) => present(name, entityCode, { delegated: true })),
  ...INVITADOS.map(([name, , entityCode]) => present(name, entityCode)),
  ...OTROS.map(([name, position, entityCode]) =>
    present(name, entityCode, { observations: position ? `Otros asistentes; cargo: ${position}` : 'Otros asistentes; sin cargo ni entidad en el acta' }),
  ),
];

export const BOGOTA_TRATA_2020: InstanciaSample = {
  instance: {
    code: BOGOTA_TRATA_CODE,
    name: 'Comité Distrital para la Lucha contra la Trata de Personas de Bogotá D.C.',
    kind: InstanceKind.COMITE,
    legalBasis: 'Decreto 836 de 2019',
    secretariatEntityCode: 'BOG-SDG',
    territory: 'Bogotá D.C.',
  },
  entities: entitiesOf(BOGOTA_ENTITIES, [
    ...new Set([
      ...MEMBERS.map((m) => m.entityCode),
      ...ATTENDANCE.map((a) => a.entityCode),
      ...BOGOTA_COMMITMENTS_2021.flatMap((c) => (c.responsibleEntityCode ? [c.responsibleEntityCode] : [])),
    ]),
  ]),
  members: MEMBERS,
  sessions: [
    {
      number: ACTA_4_2020.number,
      year: ACTA_4_2020.year,
      type: SessionType.ORDINARIA,
      modality: SessionModality.VIRTUAL,
      date: '2020-12-18',
      startTime: '08:00',
      endTime: '09:40',
      place: 'Sesión virtual',
      agenda: [
        'Verificación del quórum',
        'Balance de acciones desarrolladas – incluye mapa de calor elaborado por la Secretaría de Seguridad',
        'Presentación propuesta plan de acción 2021',
        'Varios – presentación a directivas proyecto OIM',
      ],
    },
  ],
  attendance: { layout: 'LIST', rows: ATTENDANCE },
  commitments: BOGOTA_COMMITMENTS_2021,
};

/** Counts the acta gives, for the tests. */
export const BOGOTA_TRATA_COUNTS = { integrantes: INTEGRANTES.length, invitados: INVITADOS.length, otros: OTROS.length } as const;
