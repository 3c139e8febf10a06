/**
 * Entities of the demo samples, transcribed from the seeds (names as the documents give them, with
 * the full official form where a document shortens it inconsistently).
 *
 * CODES: only seed 004 gives an entity code (`02`, Secretaría del Interior y Convivencia Ciudadana
 * of Cartagena). Every other code here is INVENTED for the demo: a short mnemonic with a prefix that
 * tells where the entity belongs, so the demo catalogue (one table, entity code = natural key) never
 * mixes two cities' entities under one code:
 *   BOG-  Bogotá D.C. (seeds 000 and 002)        CO-   Colombian national bodies (seed 000)
 *   CTG-  Cartagena de Indias (seed 004)         CDMX- Mexico City (seed 003)
 *   INT-  international cooperation (seed 000)
 * Sectors of Bogotá's entities follow seed 002's `Sector` column (Gobierno, Planeación, Salud,
 * Integración Social, Hábitat, Mujeres, Seguridad, Convivencia y Justicia, Organismos de Control).
 */
import { EntityLevel } from '../../../src/domain/enums';
import { EntitySample } from './sample.types';

const { DISTRITAL, NACIONAL, CONTROL, SOCIEDAD_CIVIL, COOPERACION, OTRO } = EntityLevel;

/** Bogotá D.C. and the national and international bodies of seeds 000 and 002. */
export const BOGOTA_ENTITIES: readonly EntitySample[] = [
  { code: 'BOG-AMB', name: 'Alcaldía Mayor de Bogotá D.C.', sector: 'Gestión Pública', level: DISTRITAL },
  { code: 'BOG-SDG', name: 'Secretaría Distrital de Gobierno', acronym: 'SDG', sector: 'Gobierno', level: DISTRITAL },
  {
    code: 'BOG-SDSCJ',
    name: 'Secretaría Distrital de Seguridad, Convivencia y Justicia',
    acronym: 'SDSCJ',
    sector: 'Seguridad, Convivencia y Justicia',
    level: DISTRITAL,
  },
  { code: 'BOG-SED', name: 'Secretaría Distrital de Educación', acronym: 'SED', sector: 'Educación', level: DISTRITAL },
  { code: 'BOG-SDMUJER', name: 'Secretaría Distrital de la Mujer', acronym: 'SDMujer', sector: 'Mujeres', level: DISTRITAL },
  {
    code: 'BOG-SDIS',
    name: 'Secretaría Distrital de Integración Social',
    acronym: 'SDIS',
    sector: 'Integración Social',
    level: DISTRITAL,
  },
  { code: 'BOG-SDS', name: 'Secretaría Distrital de Salud', acronym: 'SDS', sector: 'Salud', level: DISTRITAL },
  { code: 'BOG-SDP', name: 'Secretaría Distrital de Planeación', acronym: 'SDP', sector: 'Planeación', level: DISTRITAL },
  {
    code: 'BOG-SDDE',
    name: 'Secretaría Distrital de Desarrollo Económico',
    acronym: 'SDDE',
    sector: 'Desarrollo Económico',
    level: DISTRITAL,
  },
  {
    code: 'BOG-ACDVPR',
    name: 'Alta Consejería para los Derechos de las Víctimas, la Paz y la Reconciliación',
    sector: 'Gestión Pública',
    level: DISTRITAL,
  },
  { code: 'BOG-IDT', name: 'Instituto Distrital de Turismo', acronym: 'IDT', sector: 'Desarrollo Económico', level: DISTRITAL },
  {
    code: 'BOG-IDIPRON',
    name: 'Instituto Distrital para la Protección de la Niñez y la Juventud',
    acronym: 'IDIPRON',
    sector: 'Integración Social',
    level: DISTRITAL,
  },
  { code: 'BOG-SDHT', name: 'Secretaría Distrital del Hábitat', acronym: 'SDHT', sector: 'Hábitat', level: DISTRITAL },
  { code: 'BOG-AL-SANTAFE', name: 'Alcaldía Local de Santafé', sector: 'Gobierno', level: DISTRITAL },
  { code: 'BOG-AL-MARTIRES', name: 'Alcaldía Local de Los Mártires', sector: 'Gobierno', level: DISTRITAL },
  { code: 'BOG-PERSONERIA', name: 'Personería Distrital de Bogotá', sector: 'Organismos de Control', level: CONTROL },
  { code: 'BOG-MEBOG', name: 'Policía Metropolitana de Bogotá', acronym: 'MEBOG', sector: 'Seguridad y Defensa', level: NACIONAL },
  { code: 'BOG-SCALABRINI', name: 'Parroquia Scalabrini', sector: 'Sociedad Civil', level: SOCIEDAD_CIVIL },
  // Seed 000 lists three "otros asistentes" without entity; the attendance sheet requires one.
  { code: 'BOG-SIN-ENTIDAD', name: 'Sin entidad registrada en el acta', sector: 'Sin sector', level: OTRO },
  { code: 'CO-SENA', name: 'Servicio Nacional de Aprendizaje', acronym: 'SENA', sector: 'Trabajo', level: NACIONAL },
  {
    code: 'CO-DIJIN',
    name: 'Dirección de Investigación Criminal e INTERPOL – Policía Nacional',
    acronym: 'DIJIN',
    sector: 'Seguridad y Defensa',
    level: NACIONAL,
  },
  { code: 'CO-DEFENSORIA', name: 'Defensoría del Pueblo Regional Bogotá', sector: 'Organismos de Control', level: CONTROL },
  {
    code: 'CO-ICBF',
    name: 'Instituto Colombiano de Bienestar Familiar – ICBF Regional Bogotá',
    acronym: 'ICBF',
    sector: 'Inclusión Social',
    level: NACIONAL,
  },
  { code: 'CO-FGN', name: 'Fiscalía General de la Nación', acronym: 'FGN', sector: 'Justicia', level: NACIONAL },
  { code: 'CO-PGN', name: 'Procuraduría General de la Nación', acronym: 'PGN', sector: 'Organismos de Control', level: CONTROL },
  { code: 'CO-MININTERIOR', name: 'Ministerio del Interior', sector: 'Interior', level: NACIONAL },
  { code: 'CO-CRUZROJA', name: 'Cruz Roja Colombiana', sector: 'Cooperación', level: COOPERACION },
  { code: 'INT-OIM', name: 'Organización Internacional para las Migraciones', acronym: 'OIM', sector: 'Cooperación', level: COOPERACION },
];

/** Mexico City (seed 003). The level scale is Colombian: city-level bodies are written DISTRITAL. */
export const CDMX_ENTITIES: readonly EntitySample[] = [
  {
    code: 'CDMX-SE',
    name: 'Secretaría Ejecutiva del Mecanismo de Seguimiento y Evaluación del Programa de Derechos Humanos de la Ciudad de México',
    acronym: 'SE-MSyE',
    sector: 'Derechos Humanos',
    level: DISTRITAL,
  },
  {
    code: 'CDMX-SIPINNA',
    name: 'Sistema de Protección Integral de Niñas, Niños y Adolescentes',
    acronym: 'SIPINNA',
    sector: 'Desarrollo Social',
    level: DISTRITAL,
  },
  { code: 'CDMX-DIF', name: 'Sistema para el Desarrollo Integral de la Familia', acronym: 'DIF-CDMX', sector: 'Desarrollo Social', level: DISTRITAL },
  { code: 'CDMX-TSJ', name: 'Tribunal Superior de Justicia de la Ciudad de México', acronym: 'TSJCDMX', sector: 'Justicia', level: DISTRITAL },
  {
    code: 'CDMX-PGJ',
    name: 'Procuraduría General de Justicia de la Ciudad de México',
    acronym: 'PGJCDMX',
    sector: 'Justicia',
    level: DISTRITAL,
  },
  {
    code: 'CDMX-SEDESO',
    name: 'Secretaría de Desarrollo Social – Dirección General de Igualdad y Diversidad Social',
    acronym: 'SEDESO-DGIDS',
    sector: 'Desarrollo Social',
    level: DISTRITAL,
  },
  { code: 'CDMX-SECGOB', name: 'Secretaría de Gobierno – Subsecretaría de Gobierno', sector: 'Gobierno', level: DISTRITAL },
  {
    code: 'CDMX-CI',
    name: 'Comisión Interinstitucional en materia de trata de personas',
    acronym: 'CI',
    sector: 'Justicia',
    level: DISTRITAL,
  },
  { code: 'CDMX-FORJANDO', name: 'Forjando caminos', sector: 'Sociedad Civil', level: SOCIEDAD_CIVIL },
];

/** Cartagena de Indias (seed 004). `02` is the seed's code; the others are invented. */
export const CARTAGENA_ENTITIES: readonly EntitySample[] = [
  { code: '02', name: 'Secretaría del Interior y Convivencia Ciudadana', sector: 'Gobierno', level: DISTRITAL },
  {
    code: 'CTG-SPDS',
    name: 'Secretaría de Participación y Desarrollo Social',
    acronym: 'SPDS',
    sector: 'Participación y Desarrollo Social',
    level: DISTRITAL,
  },
  { code: 'CTG-SPD', name: 'Secretaría de Planeación Distrital', acronym: 'SDP', sector: 'Planeación', level: DISTRITAL },
  { code: 'CTG-DADIS', name: 'Departamento Administrativo Distrital de Salud', acronym: 'DADIS', sector: 'Salud', level: DISTRITAL },
  { code: 'CTG-SED', name: 'Secretaría de Educación Distrital', acronym: 'SED', sector: 'Educación', level: DISTRITAL },
];

/** The entities of `catalogue` with the given codes, in catalogue order (throws on an unknown code). */
export function entitiesOf(catalogue: readonly EntitySample[], codes: readonly string[]): EntitySample[] {
  for (const code of codes) {
    if (!catalogue.some((e) => e.code === code)) throw new Error(`Entity ${code} is not in the catalogue`);
  }
  return catalogue.filter((e) => codes.includes(e.code));
}
