import { DataTable, type Column } from '../components/data-table';
import { formatLongDate, formatNumber, formatOptionalNumber } from '../format';
import type { DeskPeriodState, ReportDeskQuery } from '../gql/graphql';

export type DeskData = NonNullable<ReportDeskQuery['reportingDesk']>;
type Item = DeskData['items'][number];
type Period = Item['periods'][number];

/** One line of the desk: a product or result with one of its due periods (or none). */
interface DeskRow {
  item: Item;
  period: Period | null;
}

export const DESK_STATE_LABEL: Record<DeskPeriodState, string> = {
  MISSING: 'Falta',
  SUBMITTED: 'Enviado, en revisión',
  APPROVED: 'Aprobado',
  RETURNED: 'Devuelto para corregir',
  CLOSED: 'Periodo cerrado',
};

const stateText = (r: DeskRow) =>
  r.period
    ? `${DESK_STATE_LABEL[r.period.state]}${r.period.state === 'RETURNED' && r.period.report?.reviewComment ? `: ${r.period.report.reviewComment}` : ''}`
    : 'Sin periodos debidos todavía';

/** The desk list of /reportar: every due period of the entity's products and results, as the API computed it. */
export function DeskTable({ desk }: { desk: DeskData }) {
  const rows: DeskRow[] = desk.items.flatMap((item): DeskRow[] =>
    item.periods.length ? item.periods.map((period) => ({ item, period })) : [{ item, period: null }],
  );
  const c = desk.counts;
  const columns: Column<DeskRow>[] = [
    { header: 'Política', text: (r) => r.item.policyCode },
    { header: 'Código', text: (r) => r.item.code },
    {
      header: 'Producto o resultado',
      rowHeader: true,
      text: (r) =>
        `${r.item.kind === 'RESULT' ? 'Resultado' : 'Producto'} ${r.item.code}: ${r.item.name}${r.item.role === 'CO_RESPONSIBLE' ? ' (corresponsable)' : ''}`,
    },
    { header: 'Periodo', text: (r) => r.period?.label ?? '' },
    {
      header: 'Meta del periodo',
      text: (r) => (r.period ? formatOptionalNumber(r.period.goal) : ''),
      value: (r) => r.period?.goal ?? null,
      numeric: true,
    },
    {
      header: 'Reportado',
      text: (r) => (r.period ? formatOptionalNumber(r.period.report?.value) : ''),
      value: (r) => r.period?.report?.value ?? null,
      numeric: true,
    },
    {
      header: 'Estado',
      text: stateText,
      render: (r) =>
        r.period ? (
          <span className={r.period.state === 'MISSING' ? 'desk-missing' : r.period.state === 'RETURNED' ? 'desk-returned' : undefined}>
            {stateText(r)}
          </span>
        ) : (
          stateText(r)
        ),
    },
  ];
  return (
    <>
      <p data-testid="escritorio-resumen">
        A la fecha ({formatLongDate(desk.date)}): {formatNumber(c.missing)} {c.missing === 1 ? 'periodo falta' : 'periodos faltan'},{' '}
        {formatNumber(c.returned)} {c.returned === 1 ? 'devuelto' : 'devueltos'} para corregir, {formatNumber(c.submitted)} en revisión,{' '}
        {formatNumber(c.approved)} {c.approved === 1 ? 'aprobado' : 'aprobados'} y {formatNumber(c.closed)}{' '}
        {c.closed === 1 ? 'cerrado' : 'cerrados'}.
      </p>
      <DataTable
        testId="escritorio"
        caption={`Productos y resultados de ${desk.entity.name} con sus periodos debidos`}
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.item.kind}:${r.item.id}:${r.period ? `${r.period.year}-${r.period.period}` : ''}`}
        fileName={`reportar-${desk.entity.code}`}
        empty="Su entidad no tiene productos ni resultados a cargo."
        note={
          desk.itemCount > desk.items.length
            ? `Se muestran ${formatNumber(desk.items.length)} de ${formatNumber(desk.itemCount)} productos y resultados.`
            : undefined
        }
      />
    </>
  );
}
