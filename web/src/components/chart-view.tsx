import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';

interface ChartViewProps {
  /** The chart's option, from a shared definition in src/charts. */
  option: EChartsOption;
  /** Heading of the chart (also its accessible name). */
  title: string;
  /** A sentence that says what the chart shows, for screen readers and text-only readers. */
  summary: string;
  /** The table or list with the chart's figures (the accessible alternative). */
  alternative: ReactNode;
  height?: number;
  testId?: string;
}

let runtime: Promise<typeof import('./echarts-runtime')> | null = null;

/** Loads ECharts once; pages with charts call it on mount so the chunk is ready when their data arrives. */
export function loadCharts(): Promise<typeof import('./echarts-runtime')> {
  runtime ??= import('./echarts-runtime');
  return runtime;
}

/** A chart drawn by ECharts (loaded on demand), with its text summary and a table alternative. */
export function ChartView({ option, title, summary, alternative, height = 320, testId }: ChartViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void; setOption(o: EChartsOption): void } | undefined;
    const onResize = () => chart?.resize();
    loadCharts().then(
      ({ echarts }) => {
        if (disposed || !ref.current) return;
        chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
        chart.setOption({ ...option, animation: false, aria: { enabled: false } });
        performance.mark('rumbo:chart');
        window.addEventListener('resize', onResize);
      },
      () => setFailed(true),
    );
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
        <p className="chart-summary">{summary}</p>
      </figcaption>
      {failed ? (
        <p className="inline-error">No fue posible dibujar el gráfico; sus datos están en la tabla.</p>
      ) : (
        <div ref={ref} className="chart-canvas" style={{ height }} role="img" aria-label={`${title}. ${summary}`} />
      )}
      <details className="chart-data">
        <summary>Ver los datos del gráfico</summary>
        {alternative}
      </details>
    </figure>
  );
}
