/** REPORTE — reporte de avance (docs/plantillas.md). */
import { ImportKind } from '../../src/domain/enums';
import { CODE_LENGTH, LONG_TEXT, SHORT_TEXT, SheetDef, TemplateDef, URL_LENGTH } from './column.types';
import { ALL_PERIODS, ENTIDADES_SHEET, PERIOD_ALIASES, yearColumn } from './shared.columns';

export const REPORTE_SHEET: SheetDef = {
  name: 'Reporte',
  description: 'Una fila por producto y periodo reportado.',
  optional: false,
  requiresRows: true,
  // a row of the pre-filled template (name or goal written by Rumbo) left without value or texts: not reported, skipped
  unansweredPrefill: {
    informative: ['itemName', 'periodGoal'],
    answers: ['value', 'qualitativeProgress', 'difficulties', 'evidence', 'reportedBy'],
  },
  columns: [
    {
      key: 'policyCode',
      header: 'Código política',
      required: true,
      type: 'text',
      maxLength: CODE_LENGTH,
      meaning: 'Política a la que pertenece el producto.',
      format: 'Texto, igual al del plan de acción.',
      example: 'PPMYEG',
      width: 16,
    },
    {
      key: 'productCode',
      header: 'Código producto',
      required: true,
      type: 'text',
      maxLength: CODE_LENGTH,
      meaning: 'Producto reportado; su entidad responsable o corresponsable debe ser la suya.',
      format: 'Texto, igual al del plan de acción.',
      example: '3.5',
      width: 12,
    },
    {
      key: 'itemName',
      header: 'Nombre',
      required: false,
      type: 'text',
      maxLength: LONG_TEXT,
      informative: true,
      meaning:
        'Solo informativa: en la plantilla prellenada Rumbo escribe aquí el nombre del producto o resultado. No se importa; puede dejarla vacía o quitarla.',
      format: 'Texto.',
      width: 40,
    },
    yearColumn('year', 'Vigencia', true, 'Año reportado, dentro del horizonte de la política.'),
    {
      key: 'period',
      header: 'Periodo',
      required: true,
      type: 'enum',
      allowed: ALL_PERIODS,
      aliases: PERIOD_ALIASES,
      meaning: 'Periodo reportado, según la periodicidad del producto.',
      format: 'ANUAL, S1, S2, T1 a T4 o M01 a M12.',
      example: 'S1',
      width: 10,
    },
    {
      key: 'periodGoal',
      header: 'Meta del periodo',
      required: false,
      type: 'number',
      informative: true,
      meaning:
        'Solo informativa: en la plantilla prellenada Rumbo escribe aquí la meta del periodo según el plan. No se importa; puede dejarla vacía o quitarla.',
      format: 'Número.',
      width: 14,
    },
    {
      key: 'value',
      header: 'Valor',
      required: true,
      type: 'number',
      min: 0,
      meaning:
        'Valor alcanzado del indicador en el periodo (para SUMA, lo logrado en el periodo; para los demás tipos, el nivel al cierre del periodo).',
      format: 'Número no negativo. Si la unidad es %, escriba 45 para 45 % (o use una celda con formato de porcentaje).',
      example: '70',
      width: 12,
    },
    {
      key: 'qualitativeProgress',
      header: 'Avance cualitativo',
      required: false,
      type: 'text',
      maxLength: LONG_TEXT,
      meaning: 'Descripción del avance del periodo.',
      format: 'Texto.',
      width: 40,
    },
    {
      key: 'difficulties',
      header: 'Dificultades',
      required: false,
      type: 'text',
      maxLength: LONG_TEXT,
      meaning: 'Dificultades encontradas.',
      format: 'Texto.',
      width: 30,
    },
    {
      key: 'evidence',
      header: 'Evidencia',
      required: false,
      type: 'text',
      maxLength: URL_LENGTH,
      meaning: 'Soporte del valor reportado.',
      format: 'Enlace (URL) o referencia de documento.',
      width: 30,
    },
    {
      key: 'reportedBy',
      header: 'Reportado por',
      required: false,
      type: 'text',
      maxLength: SHORT_TEXT,
      meaning: 'Persona que reporta.',
      format: 'Texto.',
      width: 24,
    },
  ],
};

export const REPORTE_TEMPLATE: TemplateDef = {
  kind: ImportKind.REPORTE,
  title: 'Reporte de avance del plan de acción',
  description:
    'Lo envía cada periodo la entidad responsable o corresponsable de los productos (la oficina de planeación puede enviarlo por cualquiera).',
  sheets: [REPORTE_SHEET, ENTIDADES_SHEET],
};
