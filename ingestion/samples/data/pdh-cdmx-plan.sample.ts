/**
 * PLAN sample: the strategies of Mexico City's human-rights programme (PDHCDMX) that the
 * participation space of seed 003 reviewed, so its `Retroalimentacion` rows point at real products.
 *
 * Mapping: each STRATEGY (516, 517, 518, 520) is an objective numbered as the programme numbers it;
 * each META is a product (516.1 … 520.3; strategies 517 and 518 have a single unnumbered meta, coded
 * with the strategy's number). Name = the meta's text, indicator = its indicator, responsible
 * entity = its "Instancia Ejecutora", all as seed 003 writes them (typos fixed: "casis" → "casos").
 *
 * ASSUMED (the seed does not say): the policy code `PDH-CDMX`; its horizon 2016-2021 (it only has
 * to cover the 2018 reports reviewed); half-yearly periodicity (the space reviews the reports of
 * each half-year, "1S-2018"); the annualization types and units, read from each indicator (a
 * percentage to hold → CONSTANTE, a percentage to raise → CRECIENTE, counts → SUMA). The seed
 * states the metas in words without yearly figures, so `Metas` is empty: the plan imports with one
 * PRODUCTO_SIN_METAS warning per product.
 */
import { AnnualizationType, Periodicity } from '../../../src/domain/enums';
import { CDMX_ENTITIES } from './entities.sample';
import { PlanSample, ProductSample } from './sample.types';

const { SUMA, CONSTANTE, CRECIENTE } = AnnualizationType;

export const PDH_CDMX_POLICY_CODE = 'PDH-CDMX';

const meta = (
  code: string,
  name: string,
  indicator: string,
  responsibleEntityCode: string,
  annualizationType: AnnualizationType,
  unit: string,
): ProductSample => ({
  code,
  objectiveNumber: Number(code.split('.')[0]),
  name,
  indicator,
  unit,
  annualizationType,
  periodicity: Periodicity.SEMESTRAL,
  responsibleEntityCode,
  targetPopulation: 'Personas víctimas de trata y formas de explotación',
  focus: 'Derechos humanos',
});

export const PDH_CDMX_PLAN: PlanSample = {
  policy: {
    code: PDH_CDMX_POLICY_CODE,
    name: 'Programa de Derechos Humanos de la Ciudad de México',
    startYear: 2016,
    vigencias: 6,
    leadEntityCode: 'CDMX-SE',
  },
  entities: CDMX_ENTITIES,
  objectives: [
    { number: 516, text: 'Coordinar la recepción de denuncias y las alertas Amber y plateada.' },
    {
      number: 517,
      text: 'Incidir en la persecución del delito de trata de personas y otras formas de explotación en el corto y mediano plazo a partir del desarrollo de una línea base.',
    },
    {
      number: 518,
      text: 'Difundir y fortalecer la cultura de la denuncia y fomento de la detección de la trata de personas y otras formas de explotación, tanto para las propias víctimas como para sus familias y la sociedad.',
    },
    {
      number: 520,
      text: 'Sensibilizar y capacitar a las personas servidoras públicas de las instancias de impartición de justicia sobre la investigación ministerial proactiva y la actividad jurisdiccional relacionada con la trata de personas y otras formas de explotación.',
    },
  ],
  products: [
    meta(
      '516.1',
      'Se investigan todos los casos de personas denunciadas como desaparecidas.',
      'Porcentaje del número de casos investigados de personas denunciadas como desaparecidas por las diferentes alertas respecto al número de total de casos de personas denunciadas como desaparecidas.',
      'CDMX-PGJ',
      CONSTANTE,
      '%',
    ),
    meta(
      '516.2',
      'Se incrementa al menos un 50% la localización de las personas denunciadas por desaparición.',
      'Porcentaje de personas localizadas a partir de ser incluidas en alertas Amber y plateada respecto de las personas incluidas en las alertas Amber y plateada.',
      'CDMX-PGJ',
      CRECIENTE,
      '%',
    ),
    meta(
      '516.3',
      'Establecimiento de una estrategia de difusión homologada y coordinada sobre las alertas Amber y plateada.',
      'Avance de al menos 30% de operación de una estrategia homologada y coordinada para la difusión de las alertas Amber y plateada. Porcentaje de personas localizadas a partir de ser incluidas en alertas Amber y plateadas.',
      'CDMX-SEDESO',
      CRECIENTE,
      '%',
    ),
    meta(
      '517',
      'Incremento en un 50% del procesamiento de personas imputadas por trata de personas y otras formas de explotación en sus diversas modalidades.',
      'Porcentaje del número de denuncias ciudadanas por trata de personas y otras formas de explotación en sus diversas modalidades respecto del número de operativos realizados.',
      'CDMX-PGJ',
      CRECIENTE,
      '%',
    ),
    meta(
      '518',
      'Incremento de las denuncias y casos de investigación relacionadas con la trata de personas.',
      'Número de acciones implementadas por las instituciones para la difusión y el fortalecimiento de la cultura de la denuncia y fomento de la detección de la trata de personas y otras formas de explotación en sus diversas modalidades.',
      'CDMX-PGJ',
      SUMA,
      'número',
    ),
    meta(
      '520.1',
      'Derivado de la Comisión Interinstitucional se establece un grupo de trabajo para acompañar y coadyuvar las acciones de sensibilización y capacitación sobre la trata de personas y otras formas de explotación asegurando un enfoque de derechos humanos, de género y de igualdad y no discriminación.',
      'Establecimiento y operación del grupo de trabajo. Número de instancias involucradas en el grupo de trabajo. Diseño, implementación y seguimiento del plan de trabajo elaborado por dicho grupo.',
      'CDMX-CI',
      SUMA,
      'número',
    ),
    meta(
      '520.2',
      'Que la capacitación y sensibilización impartidas eleven la calidad de la investigación, así como de las sentencias emitidas relacionadas con la trata de personas y otras formas de explotación, las cuales estarán apegadas a los tratados y estándares internacionales en la materia, atendiendo tanto a los derechos humanos de las personas procesadas como a los de la víctima.',
      'Porcentaje del número de personas servidoras públicas involucradas en la investigación ministerial y en la actividad jurisdiccional relacionada con la trata de personas y otras formas de explotación que concluyeron la capacitación respecto del número de personas involucradas en la investigación ministerial y en la actividad jurisdiccional. Porcentaje del número de casos y sentencias relacionadas con la trata de personas y otras formas de explotación que integren los estándares internacionales en la materia, atendiendo tanto a los derechos humanos de las personas procesadas como a los de la víctima, respecto al número de casos y sentencias totales.',
      'CDMX-TSJ',
      CONSTANTE,
      '%',
    ),
    meta(
      '520.3',
      'Se evalúa, permanentemente con criterios cualitativos, cuantitativos a las personas capacitadas al respecto del cumplimiento de sus atribuciones en el marco de impartición de justicia, investigación ministerial proactiva y la actividad jurisdiccional relacionada con la trata de personas y otras formas de explotación.',
      'Diseño de una batería de indicadores.',
      'CDMX-PGJ',
      SUMA,
      'número',
    ),
  ],
  goals: [],
};
