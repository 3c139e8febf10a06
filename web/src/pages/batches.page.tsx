import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BatchIssuesQuery } from '../api/operations';
import { canSeeBatches, useViewer } from '../auth/viewer-context';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage, Loading } from '../components/status';
import { downloadErrores } from '../download/errores-download';
import { formatDateTime, formatDuration, formatNumber } from '../format';
import type { BatchesPageQuery, ImportBatchFilter, ImportKind, ImportStatus } from '../gql/graphql';
import { useBatchesPage } from '../hooks/page-data';
import { useApiQuery } from '../hooks/use-api-query';
import { useTitle } from '../hooks/use-title';
import { IMPORT_KIND_LABEL, IMPORT_STATUS_LABEL } from '../labels';

type Batch = BatchesPageQuery['importBatches']['nodes'][number];

const STATUSES = Object.keys(IMPORT_STATUS_LABEL) as ImportStatus[];
const KINDS = Object.keys(IMPORT_KIND_LABEL) as ImportKind[];

/** `estado` and `tipo` of the URL as the API's batch filter. */
export function batchFilterFromUrl(params: URLSearchParams): ImportBatchFilter | undefined {
  const status = params.get('estado')?.toUpperCase() as ImportStatus | undefined;
  const kind = params.get('tipo')?.toUpperCase() as ImportKind | undefined;
  const filter: ImportBatchFilter = {};
  if (status && STATUSES.includes(status)) filter.status = status;
  if (kind && KINDS.includes(kind)) filter.kind = kind;
  return Object.keys(filter).length ? filter : undefined;
}

function BatchIssues({ id }: { id: string }) {
  const state = useApiQuery(BatchIssuesQuery, { id });
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading what="los errores del lote" />;
  const batch = state.data.importBatch;
  if (!batch) return <p>El lote ya no existe.</p>;
  if (!batch.issues) {
    return (
      <p>
        El detalle de los errores (con los valores de las celdas) solo lo ven la oficina de planeación y la entidad que envió el archivo.
      </p>
    );
  }
  const issues = batch.issues;
  type Issue = (typeof issues.nodes)[number];
  const columns: Column<Issue>[] = [
    { header: 'Tipo', text: (i) => (i.severity === 'ERROR' ? 'Error' : 'Advertencia') },
    { header: 'Hoja', text: (i) => i.sheet ?? '' },
    { header: 'Fila', text: (i) => (i.row == null ? '' : String(i.row)), value: (i) => i.row, numeric: true },
    { header: 'Columna', text: (i) => i.column ?? '' },
    { header: 'Valor', text: (i) => i.value ?? '' },
    { header: 'Mensaje', text: (i) => i.message },
    { header: 'Código', text: (i) => i.code },
  ];
  const found = batch.errorCount + batch.warningCount;
  return (
    <>
      {found > issues.nodes.length && (
        <p role="note" data-testid="errores-truncados">
          El libro tenía {formatNumber(found)} errores y advertencias; aquí se listan los primeros {formatNumber(issues.nodes.length)} (el
          libro «Errores» y el total por código y columna los cuentan todos).
        </p>
      )}
      <DataTable
        testId="errores-lote"
        caption={`Errores y advertencias del lote ${batch.id}${batch.fileName ? ` (${batch.fileName})` : ''}`}
        columns={columns}
        rows={issues.nodes}
        rowKey={(_i, n) => String(n)}
        fileName={`errores-lote-${batch.id}`}
        empty="El lote no tiene errores ni advertencias."
      />
    </>
  );
}

/**
 * `/lotes`: import batches for the office (and an entity's own): status, counts, timings, issues, Errores workbook.
 * `/reportar/lotes` (`desk`): the same list as the entity's desk shows it — the API lists an ENTITY key's own batches only.
 */
export function BatchesPage({ desk = false }: { desk?: boolean }) {
  const title = desk ? 'Mis lotes enviados' : 'Lotes de carga';
  const here = desk ? '/reportar/lotes' : '/lotes';
  useTitle(title);
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const filter = batchFilterFromUrl(params);
  const state = useBatchesPage(filter);
  const [open, setOpen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (viewer.status === 'loading') return <Loading what="sus permisos" />;
  if (!canSeeBatches(viewer.role)) {
    return (
      <div className="error-box" role="alert">
        <p>Los lotes de carga solo los ve la oficina de planeación y cada entidad los suyos.</p>
        <p>
          <Link to={`/ingresar?volver=${here}`}>Ingresar con una clave de acceso</Link>
        </p>
      </div>
    );
  }
  const columns: Column<Batch>[] = [
    { header: 'Lote', text: (b) => b.id, numeric: true },
    { header: 'Archivo', text: (b) => b.fileName ?? '(reservado)', rowHeader: true },
    { header: 'Tipo', text: (b) => (b.kind ? IMPORT_KIND_LABEL[b.kind] : '') },
    {
      header: 'Estado',
      text: (b) => IMPORT_STATUS_LABEL[b.status],
      render: (b) => <span className={`status status-${b.status.toLowerCase()}`}>{IMPORT_STATUS_LABEL[b.status]}</span>,
    },
    { header: 'Cargado por', text: (b) => b.uploader ?? '(reservado)' },
    { header: 'Recibido', text: (b) => formatDateTime(b.createdAt) },
    { header: 'Terminado', text: (b) => formatDateTime(b.finishedAt) },
    { header: 'Filas leídas', text: (b) => formatNumber(b.rowsRead), value: (b) => b.rowsRead, numeric: true },
    { header: 'Nuevas', text: (b) => formatNumber(b.rowsInserted), value: (b) => b.rowsInserted, numeric: true },
    { header: 'Actualizadas', text: (b) => formatNumber(b.rowsUpdated), value: (b) => b.rowsUpdated, numeric: true },
    { header: 'Sin cambio', text: (b) => formatNumber(b.rowsUnchanged), value: (b) => b.rowsUnchanged, numeric: true },
    { header: 'Errores', text: (b) => formatNumber(b.errorCount), value: (b) => b.errorCount, numeric: true },
    { header: 'Advertencias', text: (b) => formatNumber(b.warningCount), value: (b) => b.warningCount, numeric: true },
    { header: 'Lectura', text: (b) => formatDuration(b.parseMs), value: (b) => b.parseMs, numeric: true },
    { header: 'Validación', text: (b) => formatDuration(b.validateMs), value: (b) => b.validateMs, numeric: true },
    { header: 'Importación', text: (b) => formatDuration(b.importMs), value: (b) => b.importMs, numeric: true },
    {
      header: 'Detalle',
      text: () => '',
      render: (b) => (
        <span className="row-actions">
          {b.errorCount + b.warningCount > 0 ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={open === b.id}
              onClick={() => setOpen(open === b.id ? null : b.id)}
            >
              {open === b.id ? 'Ocultar errores' : 'Ver errores'}
            </button>
          ) : null}
          {b.status === 'REJECTED' ? (
            <button type="button" className="link-button" onClick={() => void downloadErrores(b, setFailure)}>
              Descargar Errores
            </button>
          ) : null}
        </span>
      ),
    },
  ];
  const setFilter = (key: 'estado' | 'tipo', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">
        {desk && viewer.entity ? `Los libros enviados con las claves de ${viewer.entity.name}. ` : ''}
        Cada libro recibido (buzón, carga web o consola) es un lote: se importa completo o no se importa.
        {desk ? (
          <>
            {' '}
            <Link to="/reportar">Volver a reportar</Link>
          </>
        ) : null}
      </p>
      <form className="filters" aria-label="Filtros de lotes" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-estado">Estado</label>
          <select id="f-estado" value={filter?.status ?? ''} onChange={(e) => setFilter('estado', e.target.value)}>
            <option value="">Todos</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {IMPORT_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tipo">Tipo</label>
          <select id="f-tipo" value={filter?.kind ?? ''} onChange={(e) => setFilter('tipo', e.target.value)}>
            <option value="">Todos</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {IMPORT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
      </form>
      {failure ? (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} />
      ) : !state.data ? (
        <Loading what="los lotes" />
      ) : (
        <DataTable
          testId="lotes"
          caption="Lotes de carga, el más reciente primero"
          columns={columns}
          rows={state.data.importBatches.nodes}
          rowKey={(b) => b.id}
          fileName="lotes"
          empty="No hay lotes con estos filtros."
        />
      )}
      {open ? (
        <section aria-label="Errores del lote">
          <BatchIssues id={open} />
        </section>
      ) : null}
    </>
  );
}
