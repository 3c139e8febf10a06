/**
 * Anexo 1 as a workbook: one row per product with its light as a coloured cell and every figure as a number
 * with a percentage format (never text), plus the columns the office filters by.
 */
import { TrafficLight } from '../domain/enums';
import { formatLongDate } from '../formatting/number-format';
import type { SheetCell, SheetColumn, WorkbookSpec } from './adapters/xlsx-writer.adapter';
import { LIGHT_HEX, productLabel } from './policy-report.builder';
import type { PolicyReportData } from './policy-report.data';
import type { Wording } from './wording/wording';

/** The light's name in the workbook. */
export const LIGHT_LABEL: Record<TrafficLight, string> = {
  [TrafficLight.ALTO]: 'Alto',
  [TrafficLight.MEDIO]: 'Medio',
  [TrafficLight.BAJO]: 'Bajo',
  [TrafficLight.NOT_DUE]: 'Al día (no exigible)',
};

export const ANNEX_PERCENT_FORMAT = '0.0%';
export const ANNEX_CUMULATIVE_FORMAT = '0.00%';

/** Column headers of the annex sheet, in order (tests read the sheet by them). */
export const ANNEX_COLUMNS = [
  'Objetivo',
  'Código',
  'Producto esperado',
  'Nombre indicador de Producto',
  'Sector',
  'Entidad responsable',
  'Semáforo',
  'Porcentaje de Avance Hasta la Vigencia',
  'Razón sin tope',
  'Avance acumulado',
  'Trayectoria ideal',
  'Brecha acumulada',
  'Ponderador',
  'Sobre-ejecución',
  'Sin reporte',
] as const;

export function buildAnnexWorkbook(data: PolicyReportData, wording: Wording, generatedOn: string): WorkbookSpec {
  const widths = [9, 9, 50, 45, 22, 30, 18, 16, 12, 12, 12, 12, 11, 13, 11];
  const pctCols = new Set([7, 8]);
  const cumCols = new Set([9, 10, 11]);
  const columns: SheetColumn[] = ANNEX_COLUMNS.map((header, i) => ({
    header,
    width: widths[i]!,
    numFmt: pctCols.has(i) ? ANNEX_PERCENT_FORMAT : cumCols.has(i) ? ANNEX_CUMULATIVE_FORMAT : i === 12 ? '0.0000' : undefined,
    wrap: i === 2 || i === 3,
  }));
  const rows: SheetCell[][] = data.products.map((p) => {
    const pr = p.progress;
    const hex = LIGHT_HEX[pr.trafficLight];
    return [
      { value: p.objectiveNumber },
      { value: p.code },
      { value: productLabel(p) },
      { value: p.indicator },
      { value: p.sectorName ?? '' },
      { value: p.entityName },
      {
        value: LIGHT_LABEL[pr.trafficLight],
        fill: hex ?? 'E7F4EA',
        color: pr.trafficLight === TrafficLight.MEDIO || !hex ? '222222' : 'FFFFFF',
        bold: true,
        align: 'center',
      },
      { value: pr.toDate ? pr.toDate.progress : null },
      { value: pr.ratio },
      { value: pr.cumulative.progress },
      { value: pr.cumulative.ideal },
      { value: pr.cumulative.gap },
      { value: p.weight },
      { value: pr.overExecution ? 'Sí' : 'No' },
      { value: pr.missingReport ? 'Sí' : 'No' },
    ];
  });
  const cut = formatLongDate(data.cut);
  return {
    creator: 'Rumbo',
    title: `${wording.text('anexo.titulo', {})} – ${data.policy.name}`,
    created: new Date(`${generatedOn}T00:00:00Z`),
    sheets: [
      {
        name: 'Anexo 1',
        preamble: [
          `${wording.text('anexo.titulo', {})} – ${data.policy.name}`,
          wording.text('portada.corte', { corte: cut }),
          wording.text('anexo.nota', { corte: cut }),
        ],
        columns,
        rows,
      },
    ],
  };
}
