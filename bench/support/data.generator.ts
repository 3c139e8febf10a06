/**
 * Benchmark data, generated in code through the product's template definitions (no binary fixtures):
 * PLAN, REPORTE and INSTANCIA workbooks that the real pipeline accepts.
 */
import { AnnualizationType, ImportKind, Periodicity } from '../../src/domain/enums';
import { RowObject, workbookOf } from '../../ingestion/test-support/workbook.builder';

export interface PlanShape {
  /** Policy code (also the prefix of its entity codes). */
  code: string;
  products: number;
  startYear: number;
  vigencias: number;
  /** Objectives the products are spread over. */
  objectives?: number;
  /** Entities (responsible, round robin) and sectors they belong to. */
  entities?: number;
  sectors?: number;
}

const QUARTERS = ['T1', 'T2', 'T3', 'T4'] as const;

/** Entities shared by every generated workbook: `E01`…, spread over sectors `Sector 1`…. */
export function entityObjects(entities: number, sectors: number): RowObject[] {
  return Array.from({ length: entities }, (_, i) => ({
    code: entityCode(i),
    name: `Entidad de prueba ${i + 1}`,
    acronym: `EP${i + 1}`,
    sector: `Sector ${(i % sectors) + 1}`,
    level: 'DISTRITAL',
  }));
}

export const entityCode = (i: number): string => `E${String(i + 1).padStart(2, '0')}`;

export function productCode(objective: number, i: number): string {
  return `${objective}.${i + 1}`;
}

/** Products of a plan: quarterly, alternating SUMA and CRECIENTE, responsible entities round robin. */
export function productObjects(shape: PlanShape): RowObject[] {
  const objectives = shape.objectives ?? 5;
  const entities = shape.entities ?? 12;
  return Array.from({ length: shape.products }, (_, i) => {
    const objective = (i % objectives) + 1;
    const suma = i % 2 === 0;
    return {
      code: productCode(objective, i),
      objectiveNumber: objective,
      name: `Producto ${i + 1} de ${shape.code}`,
      indicator: `Número de acciones ${i + 1}`,
      unit: 'número',
      annualizationType: suma ? AnnualizationType.SUMA : AnnualizationType.CRECIENTE,
      periodicity: Periodicity.TRIMESTRAL,
      baseline: suma ? null : 10,
      finalGoal: suma ? 40 * shape.vigencias : 100,
      responsibleEntityCode: entityCode(i % entities),
      coResponsibleEntityCodes: entityCode((i + 1) % entities),
    };
  });
}

/** PLAN sheets of a policy: one whole-year goal per product and year. */
export function planObjects(shape: PlanShape): Record<string, RowObject[]> {
  const objectives = shape.objectives ?? 5;
  const products = productObjects(shape);
  const goals: RowObject[] = [];
  for (const p of products) {
    for (let y = 0; y < shape.vigencias; y++) {
      const suma = p.annualizationType === AnnualizationType.SUMA;
      goals.push({ productCode: p.code, year: shape.startYear + y, value: suma ? 40 : 10 + (90 * (y + 1)) / shape.vigencias });
    }
  }
  return {
    Politica: [
      {
        code: shape.code,
        name: `Política de prueba ${shape.code}`,
        legalAct: 'Decreto 001',
        adoptionDate: `${shape.startYear}-01-15`,
        startYear: shape.startYear,
        vigencias: shape.vigencias,
        leadEntityCode: entityCode(0),
      },
    ],
    Entidades: entityObjects(shape.entities ?? 12, shape.sectors ?? 4),
    Objetivos: Array.from({ length: objectives }, (_, i) => ({ number: i + 1, text: `Objetivo específico ${i + 1}` })),
    Productos: products,
    Metas: goals,
  };
}

export function planWorkbook(shape: PlanShape): Buffer {
  return workbookOf(ImportKind.PLAN, planObjects(shape));
}

/**
 * REPORTE rows: every product, every quarter of `years` years from the start (products × years × 4
 * rows), with the texts a real report carries. Deterministic; `salt` varies the values.
 */
export function reportObjects(shape: PlanShape, years = shape.vigencias, salt = 0): RowObject[] {
  return Array.from(reportRows(shape, years, salt));
}

/** The rows of `reportObjects`, one at a time (a 1 000 000-row REPORTE is written without holding them). */
export function* reportRows(shape: PlanShape, years = shape.vigencias, salt = 0): Generator<RowObject> {
  const products = productObjects(shape);
  for (let i = 0; i < products.length; i++) {
    const p = products[i]!;
    const suma = p.annualizationType === AnnualizationType.SUMA;
    for (let y = 0; y < years; y++) {
      const year = shape.startYear + y;
      for (let q = 0; q < 4; q++) {
        const v = ((i * 7 + y * 3 + q + salt) % 13) + 1;
        yield {
          policyCode: shape.code,
          productCode: p.code,
          year,
          period: QUARTERS[q]!,
          value: suma ? v : Math.min(100, 10 + 9 * y + 2 * q + (v % 5)),
          qualitativeProgress: `Se realizaron ${v} acciones en el trimestre ${q + 1} de ${year}.`,
          difficulties: v % 4 === 0 ? 'Demoras en la contratación.' : null,
          evidence: `https://evidencias.example.gov.co/${shape.code}/${p.code}/${year}-${QUARTERS[q]}.pdf`,
          reportedBy: `Profesional ${(i % 17) + 1}`,
        };
      }
    }
  }
}

export function reporteWorkbook(rows: readonly RowObject[]): Buffer {
  return workbookOf(ImportKind.REPORTE, { Reporte: rows });
}

export interface InstanceShape {
  code: string;
  sessions: number;
  members: number;
  firstYear: number;
  entities: number;
  sectors: number;
}

/**
 * An INSTANCIA workbook: `members` members, `sessions` ordinary sessions (12 a year from firstYear,
 * held), list-layout attendance of every member at every session, a yearly schedule, one commitment
 * per session and two functions.
 */
export function instanciaWorkbook(s: InstanceShape): Buffer {
  const members = Array.from({ length: s.members }, (_, i) => ({
    name: `Persona ${s.code} ${i + 1}`,
    position: 'Profesional',
    entityCode: entityCode(i % s.entities),
    role: i === 0 ? 'P' : i === 1 ? 'S' : 'I',
  }));
  const sessions: RowObject[] = [];
  const attendance: RowObject[] = [];
  const commitments: RowObject[] = [];
  const years = new Set<number>();
  for (let k = 0; k < s.sessions; k++) {
    const year = s.firstYear + Math.floor(k / 12);
    const number = (k % 12) + 1;
    years.add(year);
    sessions.push({
      number,
      year,
      type: 'ORDINARIA',
      modality: k % 2 ? 'VIRTUAL' : 'PRESENCIAL',
      date: `${year}-${String(number).padStart(2, '0')}-15`,
      startTime: '09:00',
      endTime: '11:00',
      status: 'REALIZADA',
    });
    members.forEach((m, i) => {
      attendance.push({
        sessionNumber: number,
        sessionYear: year,
        name: m.name,
        entityCode: m.entityCode,
        attended: (i + k) % 5 !== 0 ? 'Sí' : 'No',
        delegated: (i + k) % 11 === 0 ? 'Sí' : 'No',
      });
    });
    commitments.push({
      sessionNumber: number,
      sessionYear: year,
      text: `Compromiso de la sesión ${number} de ${year} de ${s.code}`,
      responsibleEntityCode: entityCode(k % s.entities),
      dueDate: `${year}-12-31`,
    });
  }
  return workbookOf(ImportKind.INSTANCIA, {
    Instancia: [
      { code: s.code, name: `Instancia ${s.code}`, kind: 'Mesa', secretariatEntityCode: entityCode(0), territory: 'Bogotá D.C.' },
    ],
    Entidades: entityObjects(s.entities, s.sectors),
    Integrantes: members,
    Sesiones: sessions,
    Asistencia: attendance,
    Programacion: [...years].map((year) => ({ year, type: 'ORDINARIA', programmed: 12 })),
    Compromisos: commitments,
    Funciones: [
      { number: 1, text: `Articular la acción de ${s.code}`, year: s.firstYear, sessions: '1, 2' },
      { number: 2, text: 'Hacer seguimiento a los planes de acción' },
    ],
  });
}
