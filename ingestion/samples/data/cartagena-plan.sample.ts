/**
 * PLAN sample: Cartagena's gender-equality policy, built around the product of seed 004 (the
 * "hoja de vida" of product 3.5).
 *
 * FROM THE SEED (product 3.5, transcribed): objective 3 and its text, code, name, target population,
 * responsible entity `02` (Secretaría del Interior y Convivencia Ciudadana) and co-responsible
 * Secretaría de Participación y Desarrollo Social, indicator, formula, baseline `ND` of 2023 from
 * SPDS, final goal 1000, ten yearly goals of 100, annual measurement, focus "Poblacional, Género",
 * SDG 5 (Igualdad de Género). The lead entity is the seed's "entidad coordinadora" (SPDS).
 *
 * ASSUMED / INVENTED (the seed does not say): the policy's name and code (the sheet never names
 * the policy; it is a gender-equality policy: component "Promoción de la Igualdad de Género"), its
 * start year 2024 (baseline 2023, ten vigencias "01..10" → 2024-2033), the baseline date 2023-12-31
 * (the seed gives only the year), product 3.5's priority 3 (the seed explains the 1-3 scale but not
 * the level given) and its weight. Objectives 1 and 2 and products 1.1, 1.2, 2.1, 2.2, 3.1 and 3.2
 * are ILLUSTRATIVE, written so the demo policy has 7 products over 3 objectives with every
 * annualization type and periodicity; their figures are invented. Weights sum to 1.
 */
import { AnnualizationType, Periodicity } from '../../../src/domain/enums';
import { CARTAGENA_ENTITIES } from './entities.sample';
import { GoalSample, PlanSample, ProductSample } from './sample.types';

const { SUMA, CONSTANTE, CRECIENTE, DECRECIENTE } = AnnualizationType;
const { MENSUAL, TRIMESTRAL, SEMESTRAL, ANUAL } = Periodicity;

export const CARTAGENA_POLICY_CODE = 'PPMEG-CTG';
export const CARTAGENA_START_YEAR = 2024;
export const CARTAGENA_VIGENCIAS = 10;

/** The product of seed 004. */
export const SEED_004_PRODUCT: ProductSample = {
  code: '3.5',
  objectiveNumber: 3,
  name: 'Programa de acompañamiento, protección y atención psicosocial y jurídico a mujeres víctimas de trata',
  indicator: 'Número de mujeres víctimas de trata vinculadas al programa de acompañamiento, protección y atención psicosocial y jurídico',
  formula:
    'Sumatoria del número de mujeres víctimas de trata vinculadas al programa de acompañamiento, protección y atención psicosocial y jurídico',
  unit: 'número',
  annualizationType: SUMA,
  periodicity: ANUAL,
  baseline: 'ND',
  baselineDate: '2023-12-31',
  baselineSource: 'SPDS',
  finalGoal: 1000,
  weight: 0.25,
  priority: 3,
  responsibleEntityCode: '02',
  coResponsibleEntityCodes: ['CTG-SPDS'],
  targetPopulation: 'Mujeres víctimas de trata',
  focus: 'Poblacional, Género',
  sdg: 'ODS 5 – Igualdad de Género',
};

const PRODUCTS: readonly ProductSample[] = [
  {
    code: '1.1',
    objectiveNumber: 1,
    name: 'Programa de formación para el trabajo y el emprendimiento de mujeres',
    indicator: 'Número de mujeres certificadas en formación para el trabajo y el emprendimiento',
    formula: 'Sumatoria de las mujeres certificadas en el periodo',
    unit: 'número',
    annualizationType: SUMA,
    periodicity: SEMESTRAL,
    baseline: 'ND',
    finalGoal: 2000,
    weight: 0.15,
    priority: 2,
    responsibleEntityCode: 'CTG-SPDS',
    targetPopulation: 'Mujeres en edad de trabajar',
    focus: 'Género, Territorial',
    sdg: 'ODS 8 – Trabajo decente y crecimiento económico',
  },
  {
    code: '1.2',
    objectiveNumber: 1,
    name: 'Sello de equidad laboral de género para empresas del distrito',
    indicator: 'Porcentaje de empresas vinculadas al programa que obtienen el sello de equidad laboral de género',
    formula: '(Empresas con sello / empresas vinculadas al programa) * 100',
    unit: '%',
    annualizationType: CRECIENTE,
    periodicity: ANUAL,
    baseline: 20,
    baselineDate: '2023-12-31',
    baselineSource: 'SPDS',
    finalGoal: 40,
    weight: 0.1,
    priority: 1,
    responsibleEntityCode: 'CTG-SPDS',
    targetPopulation: 'Mujeres trabajadoras',
    focus: 'Género',
    sdg: 'ODS 5 – Igualdad de Género',
  },
  {
    code: '2.1',
    objectiveNumber: 2,
    name: 'Ruta de atención integral a mujeres víctimas de violencias basadas en género',
    indicator: 'Tiempo promedio, en días, entre la denuncia y la activación de la ruta de atención',
    formula: 'Suma de los días entre denuncia y activación de la ruta / número de casos',
    unit: 'días',
    annualizationType: DECRECIENTE,
    periodicity: TRIMESTRAL,
    baseline: 10,
    baselineDate: '2023-12-31',
    baselineSource: 'Secretaría del Interior y Convivencia Ciudadana',
    finalGoal: 2,
    weight: 0.15,
    priority: 3,
    responsibleEntityCode: '02',
    coResponsibleEntityCodes: ['CTG-DADIS'],
    targetPopulation: 'Mujeres víctimas de violencias basadas en género',
    focus: 'Género, Diferencial',
    sdg: 'ODS 5 – Igualdad de Género',
  },
  {
    code: '2.2',
    objectiveNumber: 2,
    name: 'Atención psicosocial a mujeres víctimas de violencias',
    indicator: 'Porcentaje de mujeres víctimas de violencias remitidas que reciben atención psicosocial en el mes',
    formula: '(Mujeres atendidas / mujeres remitidas) * 100',
    unit: '%',
    annualizationType: CONSTANTE,
    periodicity: MENSUAL,
    baseline: 'ND',
    finalGoal: 100,
    weight: 0.15,
    priority: 3,
    responsibleEntityCode: 'CTG-DADIS',
    targetPopulation: 'Mujeres víctimas de violencias basadas en género',
    focus: 'Género',
    sdg: 'ODS 3 – Salud y bienestar',
  },
  {
    code: '3.1',
    objectiveNumber: 3,
    name: 'Jornadas pedagógicas para transformar normas sociales y estereotipos de género',
    indicator: 'Número de jornadas pedagógicas de transformación cultural realizadas',
    formula: 'Sumatoria de las jornadas realizadas en el periodo',
    unit: 'número',
    annualizationType: SUMA,
    periodicity: TRIMESTRAL,
    baseline: 0,
    baselineDate: '2023-12-31',
    baselineSource: 'SPDS',
    finalGoal: 80,
    weight: 0.1,
    priority: 2,
    responsibleEntityCode: 'CTG-SPDS',
    coResponsibleEntityCodes: ['02'],
    targetPopulation: 'Ciudadanía en general',
    focus: 'Género, Territorial',
    sdg: 'ODS 5 – Igualdad de Género',
  },
  {
    code: '3.2',
    objectiveNumber: 3,
    name: 'Estrategia de coeducación en instituciones educativas oficiales',
    indicator: 'Número de instituciones educativas oficiales con la estrategia de coeducación implementada',
    unit: 'número',
    annualizationType: CRECIENTE,
    periodicity: SEMESTRAL,
    baseline: 10,
    baselineDate: '2023-12-31',
    baselineSource: 'Secretaría de Educación Distrital',
    finalGoal: 60,
    weight: 0.1,
    priority: 2,
    responsibleEntityCode: 'CTG-SED',
    coResponsibleEntityCodes: ['CTG-SPDS'],
    targetPopulation: 'Comunidad educativa',
    focus: 'Género, Curso de vida',
    sdg: 'ODS 4 – Educación de calidad',
  },
  SEED_004_PRODUCT,
];

const YEARS = Array.from({ length: CARTAGENA_VIGENCIAS }, (_, i) => CARTAGENA_START_YEAR + i);

/** Whole-year goals of a product, one per vigencia. */
const yearly = (productCode: string, values: readonly number[]): GoalSample[] =>
  YEARS.map((year, i) => ({ productCode, year, value: values[i]! }));

const same = (value: number): number[] => YEARS.map(() => value);

/** Goals per vigencia: seed 004 gives "Año 1 … Año 10: 100" for product 3.5. */
const GOALS: readonly GoalSample[] = [
  ...yearly('1.1', same(200)),
  ...yearly('1.2', [22, 24, 26, 28, 30, 32, 34, 36, 38, 40]),
  ...yearly('2.1', [9, 8, 7, 6, 5, 4, 3, 3, 2, 2]),
  ...yearly('2.2', same(100)),
  ...yearly('3.1', same(8)),
  ...yearly('3.2', [15, 20, 25, 30, 35, 40, 45, 50, 55, 60]),
  ...yearly('3.5', same(100)),
];

export const CARTAGENA_PLAN: PlanSample = {
  policy: {
    code: CARTAGENA_POLICY_CODE,
    name: 'Política Pública de Mujeres para la Equidad de Género de Cartagena de Indias',
    startYear: CARTAGENA_START_YEAR,
    vigencias: CARTAGENA_VIGENCIAS,
    leadEntityCode: 'CTG-SPDS',
  },
  entities: CARTAGENA_ENTITIES,
  objectives: [
    {
      number: 1,
      text: 'Promover la autonomía económica de las mujeres y su acceso a empleo digno e ingresos propios.',
    },
    {
      number: 2,
      text: 'Garantizar a las mujeres el derecho a una vida libre de violencias mediante una atención integral, oportuna y con enfoque de género.',
    },
    {
      number: 3,
      text: 'Transformar las normas sociales, los estereotipos y roles de género que sostienen la desigualdad en los distintos entornos socializadores.',
    },
  ],
  products: PRODUCTS,
  goals: GOALS,
};
