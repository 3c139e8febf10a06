import { useState } from 'react';
import { downloadReport } from '../download/report-download';

export interface ReportLink {
  label: string;
  url: string;
  fileName: string;
  testId: string;
}

/** Buttons that download the server's generated reports; the server's Spanish message when it refuses. */
export function ReportButtons({ links, label }: { links: ReportLink[]; label: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function run(link: ReportLink) {
    setBusy(link.url);
    setFailure(null);
    const message = await downloadReport(link.url, link.fileName);
    setBusy(null);
    setFailure(message);
  }
  return (
    <div className="report-buttons" role="group" aria-label={label}>
      {links.map((link) => (
        <button key={link.url} type="button" data-testid={link.testId} disabled={busy !== null} onClick={() => void run(link)}>
          {busy === link.url ? 'Preparando…' : link.label}
        </button>
      ))}
      <p role="status" aria-live="polite" className="report-status">
        {busy ? 'Generando el archivo; puede tardar unos segundos.' : ''}
      </p>
      {failure ? (
        <div className="error-box" role="alert" data-testid="informe-error">
          <p>{failure}</p>
        </div>
      ) : null}
    </div>
  );
}
