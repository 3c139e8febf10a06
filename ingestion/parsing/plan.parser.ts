/** PLAN workbook → `PlanData` (pure). */
import { AnnualizationType, Periodicity, Priority, ProductStatus } from '../../src/domain/enums';
import { GoalRow, ObjectiveRow, PlanData, PolicyRow, ProductRow, ResultRow } from '../model/plan.types';
import { enumValue, list, num, numberValue, requiredOk, text } from '../reading/row.accessors';
import { q } from '../issues/issue.collector';
import { readSheet, RowRead, SheetRead } from '../reading/sheet.reader';
import { SheetDef } from '../templates/column.types';
import { METAS_SHEET, OBJETIVOS_SHEET, POLITICA_SHEET, PRODUCTOS_SHEET, RESULTADOS_SHEET } from '../templates/plan.template';
import { parseEntities } from './entidades.parser';
import { ParseState, reject } from './parse.state';
import { percentAware } from './percent.rules';

/**
 * Text in numeric cells that the template's number rules can read (`24,35` typed as text, or pasted
 * from a PDF) is read, and said once per sheet and column — never once per cell — so the office knows
 * the cells are not numbers in Excel (sums and formats there will not see them). Integer columns
 * (years, numbers of objectives) are left out: `2024` as text is harmless.
 */
function warnNumbersAsText(state: ParseState, sheet: SheetRead, def: SheetDef): void {
  if (!sheet.header) return;
  for (const column of def.columns) {
    if (column.type !== 'number' || column.integer) continue;
    const index = sheet.header.columns.get(column.key);
    if (index === undefined) continue;
    const rows = sheet.rows.filter((row) => row.cells[index]?.type === 'string' && row.numbers.has(column.key));
    const first = rows[0];
    if (!first) continue;
    const cell = first.cells[index] as { value: string };
    state.issues.warning(
      'NUMERO_COMO_TEXTO',
      { sheet: first.sheet, row: first.row, column: column.header, value: cell.value },
      `${rows.length === 1 ? 'esta celda tiene' : `${rows.length} celdas de esta columna tienen (la primera, esta)`} un número escrito como texto; se ${rows.length === 1 ? 'leyó' : 'leyeron'} con las reglas de la plantilla (${q(cell.value)} → ${String(numberValue(first, column.key)!.value).replace('.', ',')}). Conviértalas en celdas numéricas para que Excel las sume`,
    );
  }
}

export const DEFAULT_HIGH_THRESHOLD = 0.75;
export const DEFAULT_MEDIUM_THRESHOLD = 0.5;

function parsePolicy(state: ParseState): PolicyRow | null {
  const sheet = readSheet(state.workbook, POLITICA_SHEET, state.issues);
  const row = sheet.rows[0];
  if (!row) return null;
  if (!requiredOk(row, POLITICA_SHEET)) {
    reject(state, row, text(row, 'code'));
    return null;
  }
  return {
    sheet: row.sheet,
    row: row.row,
    code: text(row, 'code')!,
    name: text(row, 'name')!,
    legalAct: text(row, 'legalAct'),
    adoptionDate: text(row, 'adoptionDate'),
    startYear: num(row, 'startYear')!,
    vigencias: num(row, 'vigencias')!,
    leadEntityCode: text(row, 'leadEntityCode'),
    highThreshold: num(row, 'highThreshold') ?? DEFAULT_HIGH_THRESHOLD,
    mediumThreshold: num(row, 'mediumThreshold') ?? DEFAULT_MEDIUM_THRESHOLD,
    // empty means yes: only an explicit No turns review off
    reviewRequired: text(row, 'reviewRequired') !== 'NO',
  };
}

function parseObjectives(state: ParseState): ObjectiveRow[] {
  const sheet = readSheet(state.workbook, OBJETIVOS_SHEET, state.issues);
  const objectives: ObjectiveRow[] = [];
  for (const row of sheet.rows) {
    if (!requiredOk(row, OBJETIVOS_SHEET)) {
      reject(state, row, num(row, 'number')?.toString() ?? null);
      continue;
    }
    objectives.push({ sheet: row.sheet, row: row.row, number: num(row, 'number')!, text: text(row, 'text')! });
  }
  return objectives;
}

function percentNumber(row: RowRead, key: string, unit: string | null): number | null {
  const n = numberValue(row, key);
  return n ? percentAware(n, unit) : null;
}

function parseResults(state: ParseState, units: Map<string, string | null>): ResultRow[] {
  const sheet = readSheet(state.workbook, RESULTADOS_SHEET, state.issues);
  warnNumbersAsText(state, sheet, RESULTADOS_SHEET);
  const results: ResultRow[] = [];
  for (const row of sheet.rows) {
    const code = text(row, 'code');
    const unit = text(row, 'unit');
    if (code !== null && !units.has(code)) units.set(code, unit);
    if (!requiredOk(row, RESULTADOS_SHEET)) {
      reject(state, row, code);
      continue;
    }
    results.push({
      sheet: row.sheet,
      row: row.row,
      code: code!,
      objectiveNumber: num(row, 'objectiveNumber')!,
      name: text(row, 'name')!,
      indicator: text(row, 'indicator')!,
      unit,
      annualizationType: enumValue<AnnualizationType>(row, 'annualizationType')!,
      periodicity: enumValue<Periodicity>(row, 'periodicity')!,
      baseline: percentNumber(row, 'baseline', unit),
      baselineNotAvailable: row.notAvailable.has('baseline'),
      finalGoal: percentNumber(row, 'finalGoal', unit),
      weight: num(row, 'weight'),
      responsibleEntityCode: text(row, 'responsibleEntityCode'),
    });
  }
  return results;
}

function parseProducts(state: ParseState, units: Map<string, string | null>): ProductRow[] {
  const sheet = readSheet(state.workbook, PRODUCTOS_SHEET, state.issues);
  warnNumbersAsText(state, sheet, PRODUCTOS_SHEET);
  const products: ProductRow[] = [];
  for (const row of sheet.rows) {
    const code = text(row, 'code');
    const unit = text(row, 'unit');
    if (code !== null && !units.has(code)) units.set(code, unit);
    if (!requiredOk(row, PRODUCTOS_SHEET)) {
      reject(state, row, code);
      continue;
    }
    products.push({
      sheet: row.sheet,
      row: row.row,
      code: code!,
      objectiveNumber: num(row, 'objectiveNumber')!,
      resultCode: text(row, 'resultCode'),
      status: enumValue<ProductStatus>(row, 'status') ?? ProductStatus.VIGENTE,
      withdrawnFrom: text(row, 'withdrawnFrom'),
      name: text(row, 'name')!,
      indicator: text(row, 'indicator')!,
      formula: text(row, 'formula'),
      unit,
      annualizationType: enumValue<AnnualizationType>(row, 'annualizationType')!,
      periodicity: enumValue<Periodicity>(row, 'periodicity')!,
      baseline: percentNumber(row, 'baseline', unit),
      baselineNotAvailable: row.notAvailable.has('baseline'),
      baselineDate: text(row, 'baselineDate'),
      baselineSource: text(row, 'baselineSource'),
      finalGoal: percentNumber(row, 'finalGoal', unit),
      weight: num(row, 'weight'),
      priority: num(row, 'priority') as Priority | null,
      responsibleEntityCode: text(row, 'responsibleEntityCode')!,
      coResponsibleEntityCodes: list(row, 'coResponsibleEntityCodes'),
      targetPopulation: text(row, 'targetPopulation'),
      focus: text(row, 'focus'),
      sdg: text(row, 'sdg'),
    });
  }
  return products;
}

function parseGoals(state: ParseState, units: ReadonlyMap<string, string | null>): GoalRow[] {
  const sheet = readSheet(state.workbook, METAS_SHEET, state.issues);
  warnNumbersAsText(state, sheet, METAS_SHEET);
  const goals: GoalRow[] = [];
  for (const row of sheet.rows) {
    const productCode = text(row, 'productCode');
    const period = text(row, 'period');
    if (!requiredOk(row, METAS_SHEET)) {
      reject(state, row, productCode);
      continue;
    }
    goals.push({
      sheet: row.sheet,
      row: row.row,
      productCode: productCode!,
      year: num(row, 'year')!,
      // `ANUAL` in a goal means the whole year, like an empty period.
      period: period === 'ANUAL' ? null : period,
      value: percentNumber(row, 'value', units.get(productCode!) ?? null)!,
    });
  }
  return goals;
}

export function parsePlan(state: ParseState): PlanData {
  const policy = parsePolicy(state);
  const entities = parseEntities(state);
  const objectives = parseObjectives(state);
  const units = new Map<string, string | null>();
  const results = parseResults(state, units);
  const products = parseProducts(state, units);
  const goals = parseGoals(state, units);
  return { policy, entities, objectives, results, products, goals };
}
