import { ImportKind } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';
import { RejectedRow } from './common.types';
import { InstanciaData } from './instancia.types';
import { PlanData } from './plan.types';
import { ReporteData } from './reporte.types';

interface ParsedBase {
  /** Reading problems (structure and cells). `validateWorkbook` adds the cross checks. */
  readonly issues: readonly Issue[];
  /** Rows left out of `data` because a required value was missing or unreadable. */
  readonly rejectedRows: readonly RejectedRow[];
  /** Sheet names in workbook order (empty when the file could not be read). */
  readonly sheetNames: readonly string[];
}

export interface ParsedPlan extends ParsedBase {
  readonly kind: ImportKind.PLAN;
  readonly data: PlanData;
}

export interface ParsedReporte extends ParsedBase {
  readonly kind: ImportKind.REPORTE;
  readonly data: ReporteData;
}

export interface ParsedInstancia extends ParsedBase {
  readonly kind: ImportKind.INSTANCIA;
  readonly data: InstanciaData;
}

/** The workbook could not be read or its kind was not recognised. */
export interface ParsedUnknown extends ParsedBase {
  readonly kind: null;
  readonly data: null;
}

export type ParsedWorkbook = ParsedPlan | ParsedReporte | ParsedInstancia | ParsedUnknown;
