import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../api/graphql-client';
import { useViewer } from '../auth/viewer-context';
import { DropZone } from '../components/drop-zone';
import { ErrorMessage, Loading } from '../components/status';
import { downloadReport } from '../download/report-download';
import { downloadErrores } from '../download/errores-download';
import { formatDuration, formatNumber } from '../format';
import { useReportDesk } from '../hooks/page-data';
import { useBatchFollow, type FollowedBatch } from '../hooks/use-batch-follow';
import { useTitle } from '../hooks/use-title';
import { IMPORT_KIND_LABEL, IMPORT_STATUS_LABEL } from '../labels';
import {
  batchPhase,
  FINAL_STATUSES,
  issuesBySheet,
  sendUpload,
  validateUpload,
  type ValidationIssue,
  type ValidationResult,
} from '../upload/upload-client';
import { DeskTable, type DeskData } from './report-desk';

type Step =
  | { name: 'idle' }
  | { name: 'checking'; file: File }
  | { name: 'checked'; file: File; result: ValidationResult }
  | { name: 'sending'; file: File; result: ValidationResult }
  | { name: 'sent'; file: File; batchId: string }
  | { name: 'failed'; file: File | null; message: string };

function IssueTable({ sheet, issues }: { sheet: string | null; issues: ValidationIssue[] }) {
  const errors = issues.filter((i) => i.severity === 'ERROR').length;
  const warnings = issues.length - errors;
  const counts = [
    errors ? `${formatNumber(errors)} ${errors === 1 ? 'error' : 'errores'}` : '',
    warnings ? `${formatNumber(warnings)} ${warnings === 1 ? 'advertencia' : 'advertencias'}` : '',
  ]
    .filter(Boolean)
    .join(' y ');
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={`revision-hoja-${sheet ?? 'libro'}`}>
        <caption>
          {sheet ? `Hoja «${sheet}»` : 'El libro completo'}: {counts}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tipo</th>
            <th scope="col" className="num">
              Fila
            </th>
            <th scope="col">Columna</th>
            <th scope="col">Valor en la celda</th>
            <th scope="col">Qué corregir</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n} className={i.severity === 'ERROR' ? 'issue-error' : 'issue-warning'}>
              <td>{i.severity === 'ERROR' ? 'Error' : 'Advertencia'}</td>
              <td className="num">{i.row ?? ''}</td>
              <td>{i.column ?? ''}</td>
              <td>
                <code>{i.value ?? ''}</code>
              </td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the dry run said, per sheet, row and column, with the cell's value. */
function CheckResult({ result }: { result: ValidationResult }) {
  const kind = result.kind ? IMPORT_KIND_LABEL[result.kind] : 'no reconocido';
  const rows = `${formatNumber(result.rows)} ${result.rows === 1 ? 'fila' : 'filas'}`;
  return (
    <section aria-labelledby="revision-titulo" data-testid="revision">
      <h3 id="revision-titulo">Revisión de «{result.fileName}»</h3>
      <p role="status" data-testid="revision-resumen" className={result.valid ? 'notice' : 'inline-error'}>
        {result.valid
          ? `Libro ${kind} con ${rows}: sin errores. Puede enviarlo.`
          : `Libro ${kind} con ${rows}: ${formatNumber(result.errorCount)} ${result.errorCount === 1 ? 'error' : 'errores'} en ${formatNumber(result.rowsWithErrors)} ${result.rowsWithErrors === 1 ? 'fila' : 'filas'}. Corríjalos en el libro y vuelva a cargarlo; no se ha guardado nada.`}
        {result.warningCount ? ` ${formatNumber(result.warningCount)} ${result.warningCount === 1 ? 'advertencia' : 'advertencias'}.` : ''}
      </p>
      {result.truncated ? <p role="note">Se muestran los primeros errores de cada tipo.</p> : null}
      {issuesBySheet(result.issues).map((g) => (
        <IssueTable key={g.sheet ?? ''} sheet={g.sheet} issues={g.issues} />
      ))}
    </section>
  );
}

/** The batch after "Enviar": status, rows read and phase, until it ends. */
function Progress({ batch, error, onErrores }: { batch: FollowedBatch | null; error: string | null; onErrores: () => void }) {
  if (error)
    return (
      <p className="inline-error" role="alert">
        {error}
      </p>
    );
  if (!batch) return <Loading what="el estado del lote" />;
  const done = FINAL_STATUSES.includes(batch.status);
  return (
    <section aria-labelledby="lote-titulo" data-testid="lote-progreso" className="notice">
      <h3 id="lote-titulo">
        Lote {batch.id}: <span className={`status status-${batch.status.toLowerCase()}`}>{IMPORT_STATUS_LABEL[batch.status]}</span>
      </h3>
      <p role="status" aria-live="polite" data-testid="lote-fase">
        {batchPhase(batch)}
        {batch.rowsRead ? ` Filas leídas: ${formatNumber(batch.rowsRead)}.` : ''}
        {batch.status === 'IMPORTED'
          ? ` Nuevas: ${formatNumber(batch.rowsInserted)}, actualizadas: ${formatNumber(batch.rowsUpdated)}, sin cambio: ${formatNumber(batch.rowsUnchanged)}.`
          : ''}
      </p>
      {done ? (
        <p className="table-note">
          Lectura {formatDuration(batch.parseMs)} · revisión {formatDuration(batch.validateMs)} · importación{' '}
          {formatDuration(batch.importMs)}
        </p>
      ) : null}
      {batch.status === 'REJECTED' ? (
        <p>
          <button type="button" onClick={onErrores}>
            Descargar el libro con la hoja «Errores»
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** `/reportar`: the entity's desk — what it must report, its pre-filled template, and the upload with its check. */
export function ReportPage() {
  useTitle('Reportar');
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const isAdmin = viewer.role === 'ADMIN';
  const entityCode = isAdmin ? params.get('entidad') : (viewer.entity?.code ?? null);
  const [version, setVersion] = useState(0);
  const desk = useReportDesk(entityCode, isAdmin, version);
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const batchId = step.name === 'sent' ? step.batchId : null;
  const follow = useBatchFollow(batchId);
  const refreshed = useRef<string | null>(null);

  // When the batch ends, the desk's figures are read again from the API.
  useEffect(() => {
    const b = follow.batch;
    if (b && FINAL_STATUSES.includes(b.status) && refreshed.current !== b.id) {
      refreshed.current = b.id;
      setVersion((v) => v + 1);
    }
  }, [follow.batch]);

  const check = useCallback(async (file: File) => {
    setNotice(null);
    setStep({ name: 'checking', file });
    try {
      setStep({ name: 'checked', file, result: await validateUpload(file) });
    } catch (err) {
      setStep({ name: 'failed', file, message: (err as ApiError).message });
    }
  }, []);

  const send = async () => {
    if (step.name !== 'checked' || !step.result.valid) return;
    const { file, result } = step;
    setStep({ name: 'sending', file, result });
    try {
      const queued = await sendUpload(file);
      setStep({ name: 'sent', file, batchId: queued.batchId });
    } catch (err) {
      setStep({ name: 'failed', file, message: (err as ApiError).message });
    }
  };

  const template = async (kind: 'reporte') => {
    setNotice(null);
    const query = new URLSearchParams({ prefill: '1' });
    if (isAdmin && entityCode) query.set('entidad', entityCode);
    const failure = await downloadReport(`/templates/${kind}?${query.toString()}`, `plantilla-${kind}.xlsx`);
    if (failure) setNotice(failure);
  };

  /** The PLAN or INSTANCIA workbook filled with what is stored (docs/reportar.md#plan-e-instancia-diligenciados). */
  const stored = async (kind: 'plan' | 'instancia', code: string) => {
    setNotice(null);
    const query = new URLSearchParams({ [kind === 'plan' ? 'politica' : 'instancia']: code });
    const failure = await downloadReport(`/templates/${kind}?${query.toString()}`, `${kind}-${code}.xlsx`);
    if (failure) setNotice(failure);
  };

  if (viewer.status === 'loading') return <Loading what="sus permisos" />;
  if (viewer.role !== 'ENTITY' && !isAdmin) {
    return (
      <div className="error-box" role="alert">
        <p>Para reportar necesita la clave de acceso de su entidad.</p>
        <p>
          <Link to="/ingresar?volver=/reportar">Ingresar con la clave de la entidad</Link>
        </p>
      </div>
    );
  }

  const busy = step.name === 'checking' || step.name === 'sending';
  const deskData: DeskData | null = desk.data?.reportingDesk ?? null;
  const policyCodes = [...new Set((deskData?.items ?? []).map((i) => i.policyCode))].sort();
  const instances = desk.data?.instances?.nodes ?? [];
  return (
    <>
      <h1>Reportar avances</h1>
      <p className="lead">
        {viewer.entity ? `${viewer.entity.name} (${viewer.entity.code}). ` : ''}
        Descargue su libro de reporte ya diligenciado con sus productos y periodos, escriba los valores y cárguelo aquí: se revisa al
        instante y solo se envía cuando no tiene errores. <Link to="/reportar/lotes">Ver mis lotes enviados</Link>
      </p>
      {isAdmin ? (
        <form className="filters" aria-label="Entidad que reporta" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="r-entidad">Entidad</label>
            <select
              id="r-entidad"
              value={entityCode ?? ''}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                if (e.target.value) next.set('entidad', e.target.value);
                else next.delete('entidad');
                setParams(next);
              }}
            >
              <option value="">Elija una entidad</option>
              {desk.data?.entities?.nodes.map((e) => (
                <option key={e.code} value={e.code}>
                  {e.code} · {e.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      ) : null}

      <section aria-labelledby="plantillas">
        <h2 id="plantillas">1. Descargue su libro</h2>
        <p className="report-buttons">
          <button type="button" onClick={() => void template('reporte')} disabled={isAdmin && !entityCode}>
            Descargar REPORTE pre-llenado (.xlsx)
          </button>
        </p>
        {policyCodes.length || instances.length ? (
          <p className="report-buttons" data-testid="libros-diligenciados">
            {policyCodes.map((code) => (
              <button key={`plan-${code}`} type="button" onClick={() => void stored('plan', code)}>
                Descargar plan diligenciado {code} (.xlsx)
              </button>
            ))}
            {instances.map((i) => (
              <button key={`instancia-${i.code}`} type="button" onClick={() => void stored('instancia', i.code)} title={i.name}>
                Descargar instancia diligenciada {i.code} (.xlsx)
              </button>
            ))}
          </p>
        ) : null}
        {notice ? (
          <p className="inline-error" role="alert">
            {notice}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="cargar">
        <h2 id="cargar">2. Cargue el libro diligenciado</h2>
        <DropZone
          onFile={(f) => void check(f)}
          disabled={busy}
          hint="Se revisa de inmediato, sin guardar nada: verá cada error con su hoja, fila, columna y el valor de la celda."
        />
        {step.name === 'checking' ? <Loading what={`la revisión de «${step.file.name}»`} /> : null}
        {step.name === 'failed' ? (
          <p className="inline-error" role="alert" data-testid="carga-error">
            {step.message}
          </p>
        ) : null}
        {step.name === 'checked' || step.name === 'sending' ? <CheckResult result={step.result} /> : null}
        {step.name === 'checked' && step.result.valid ? (
          <p>
            <button type="button" className="primary" onClick={() => void send()}>
              Enviar
            </button>
          </p>
        ) : null}
        {step.name === 'sending' ? <Loading what="el envío" /> : null}
        {step.name === 'sent' ? (
          <Progress
            batch={follow.batch}
            error={follow.error}
            onErrores={() => {
              if (follow.batch) void downloadErrores(follow.batch, setNotice);
            }}
          />
        ) : null}
      </section>

      <section aria-labelledby="pendientes">
        <h2 id="pendientes">Lo que le corresponde reportar</h2>
        {isAdmin && !entityCode ? (
          <p>Elija una entidad para ver sus productos y periodos.</p>
        ) : desk.status === 'error' ? (
          <ErrorMessage error={desk.error} />
        ) : !deskData ? (
          <Loading what="sus productos y periodos" />
        ) : (
          <DeskTable desk={deskData} />
        )}
      </section>
    </>
  );
}
