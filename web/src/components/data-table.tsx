import { memo, useEffect, useState, type ReactNode } from 'react';
import { buildExportTable, exportFileName, saveBlob, toCsv, type ExportColumn } from '../download/table-export';

export interface Column<Row> extends ExportColumn<Row> {
  /** What the cell renders (defaults to the text); links, badges. */
  render?: (row: Row) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** A row header cell (the row's name), for screen readers. */
  rowHeader?: boolean;
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** File name of the downloads, without extension. */
  fileName: string;
  empty?: string;
  testId?: string;
  /** A note under the table (e.g. why some cells are blank). */
  note?: ReactNode;
}

/** One row; memoised so drawing the next rows of a long table does not draw the earlier ones again. */
const TableRow = memo(function TableRow({ row, columns }: { row: unknown; columns: readonly Column<unknown>[] }) {
  return (
    <tr>
      {columns.map((c) => {
        const content = c.render ? c.render(row) : c.text(row);
        return c.rowHeader ? (
          <th key={c.header} scope="row" className={c.numeric ? 'num' : undefined}>
            {content}
          </th>
        ) : (
          <td key={c.header} className={c.numeric ? 'num' : undefined}>
            {content}
          </td>
        );
      })}
    </tr>
  );
});

/** A table with its "Descargar" buttons: the files hold exactly these rows and columns (docs/web.md). */
/** Rows drawn in the first frame; long tables draw the rest in the next frame (docs/web.md#rendimiento). */
export const FIRST_ROWS = 150;
const ROWS_PER_FRAME = 5000;

/** How many of `total` rows are on screen: all for short tables, growing frame by frame for long ones. */
function useProgressiveCount(total: number, reset: unknown): number {
  const [count, setCount] = useState(() => Math.min(total, FIRST_ROWS));
  useEffect(() => {
    setCount(Math.min(total, FIRST_ROWS));
  }, [total, reset]);
  useEffect(() => {
    if (count >= total) {
      if (total > FIRST_ROWS) performance.mark('rumbo:table-complete');
      return;
    }
    const id = requestAnimationFrame(() => setCount((c) => Math.min(total, c + ROWS_PER_FRAME)));
    return () => cancelAnimationFrame(id);
  }, [count, total]);
  return count;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, fileName, empty, testId, note }: DataTableProps<Row>) {
  const shown = useProgressiveCount(rows.length, rows);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const name = exportFileName(fileName);

  function downloadCsv() {
    const table = buildExportTable(columns, rows);
    saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  }

  async function downloadXlsx() {
    setBusy(true);
    setFailure(null);
    try {
      const { toXlsx } = await import('../download/xlsx-writer');
      saveBlob(await toXlsx(buildExportTable(columns, rows), caption), `${name}.xlsx`);
    } catch {
      setFailure('No fue posible preparar el archivo. Intente de nuevo o descargue el .csv.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="data-table" data-testid={testId}>
      <div className="table-tools">
        <span className="table-count">{rows.length === 1 ? '1 fila' : `${rows.length.toLocaleString('es-CO')} filas`}</span>
        <button
          type="button"
          onClick={() => void downloadXlsx()}
          disabled={busy || rows.length === 0}
          aria-label={`Descargar .xlsx: ${caption}`}
        >
          Descargar .xlsx
        </button>
        <button type="button" onClick={downloadCsv} disabled={rows.length === 0} aria-label={`Descargar .csv: ${caption}`}>
          Descargar .csv
        </button>
        {failure ? (
          <span role="alert" className="inline-error">
            {failure}
          </span>
        ) : null}
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {empty ?? 'No hay filas que mostrar.'}
                </td>
              </tr>
            ) : (
              rows
                .slice(0, shown)
                .map((row, i) => <TableRow key={rowKey(row, i)} row={row} columns={columns as readonly Column<unknown>[]} />)
            )}
          </tbody>
        </table>
      </div>
      {note ? <p className="table-note">{note}</p> : null}
    </div>
  );
}
