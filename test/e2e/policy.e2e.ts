import { formatPercent } from '../../src/formatting/number-format';
import { expect, expectAccessible, gql, test } from './support/fixtures';

const POLICY = 'PPMEG-CTG';
const CUT = '2024-12-31';

function signed(fraction: number): string {
  const text = formatPercent(fraction);
  return text.startsWith('-') || text.startsWith('0,0') ? text : `+${text}`;
}

const FIGURES = `query($code: String!, $cut: Date, $filter: PolicyProductFilter) {
  policy(code: $code) {
    progress(cut: $cut) {
      cut
      total { productCount toDate { progress ideal gap } cumulative { progress ideal gap } shares { green yellow red } }
      byEntity { entity { code name } progress { missingReportCount } }
    }
    products(cut: $cut, filter: $filter, first: 1000) { totalCount nodes { code progress(cut: $cut) { due toDate { progress } trafficLight } } }
  }
}`;

async function annexCodes(page: import('@playwright/test').Page): Promise<string[]> {
  const table = page.getByTestId('anexo');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  if (await table.locator('td.empty').count()) return [];
  return table.locator('tbody tr td:nth-child(2)').allTextContents();
}

test.describe('política /politicas/:code', () => {
  test('shows the headline figures of the API at the cut', async ({ page }) => {
    const data = await gql(FIGURES, { code: POLICY, cut: CUT });
    const { toDate, cumulative } = data.policy.progress.total;
    await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('avance-fecha')).toHaveText(formatPercent(toDate.progress));
    expect(await page.getByTestId('avance-fecha').textContent()).toBe(formatPercent(toDate.progress));
    expect(await page.getByTestId('ideal-fecha').textContent()).toBe(formatPercent(toDate.ideal));
    expect(await page.getByTestId('brecha-fecha').textContent()).toBe(signed(toDate.gap));
    expect(await page.getByTestId('avance-acumulado').textContent()).toBe(formatPercent(cumulative.progress));
    expect(await page.getByTestId('ideal-acumulado').textContent()).toBe(formatPercent(cumulative.ideal));
    expect(await page.getByTestId('brecha-acumulada').textContent()).toBe(signed(cumulative.gap));
    await expect(page.getByLabel('Fecha de corte', { exact: true })).toHaveValue(CUT);
    // The five charts, each with its text alternative.
    for (const n of [1, 2, 3, 4, 5]) {
      const chart = page.getByTestId(`grafico-${n}`);
      await expect(chart.locator('svg').first()).toBeVisible();
      await expect(chart.getByText('Ver los datos del gráfico')).toBeVisible();
    }
    await expect(page.getByTestId('grafico-4').locator('.chart-summary')).toContainText(
      formatPercent(data.policy.progress.total.shares.green),
    );
    // The annex: every product, its light and to-date percentage (blank when not due).
    const rows = page.getByTestId('anexo').locator('tbody tr');
    await expect(rows).toHaveCount(data.policy.products.totalCount);
    for (const [i, p] of data.policy.products.nodes.entries()) {
      const cells = rows.nth(i).locator('td, th');
      expect(await cells.nth(1).textContent()).toBe(p.code);
      expect(await cells.nth(7).textContent()).toBe(p.progress.due && p.progress.toDate ? formatPercent(p.progress.toDate.progress) : '');
    }
    await expectAccessible(page);
  });

  test('the "who has not reported" list names the entities of the API with their counts', async ({ page }) => {
    const data = await gql(FIGURES, { code: POLICY, cut: CUT });
    const missing = data.policy.progress.byEntity.filter((e: any) => e.progress.missingReportCount > 0);
    await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
    const list = page.getByTestId('sin-reporte');
    await expect(list.locator(':scope > li')).toHaveCount(missing.length);
    for (const e of missing)
      await expect(list).toContainText(
        `${e.entity.name}: ${e.progress.missingReportCount === 1 ? '1 producto' : `${e.progress.missingReportCount} productos`} sin reporte`,
      );
  });

  const FILTERS: [string, string, Record<string, unknown>][] = [
    ['objetivo', 'objetivo=1', { objectiveNumber: 1 }],
    ['semaforo', 'semaforo=ALTO', { trafficLight: 'ALTO' }],
    ['semaforo NO_EXIGIBLE', 'semaforo=NO_EXIGIBLE', { trafficLight: 'NOT_DUE' }],
    ['sinReporte', 'sinReporte=1', { missingReport: true }],
    ['sobreejecucion', 'sobreejecucion=1', { overExecution: true }],
  ];
  for (const [name, query, filter] of FILTERS) {
    test(`URL filter ${name} shows the products the API filters`, async ({ page }) => {
      const data = await gql(FIGURES, { code: POLICY, cut: CUT, filter });
      await page.goto(`/politicas/${POLICY}?corte=${CUT}&${query}`);
      expect(await annexCodes(page)).toEqual(data.policy.products.nodes.map((p: any) => p.code));
    });
  }

  test('URL filters sector and entidad (from the lists the page offers)', async ({ page }) => {
    await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
    const sector = (await page.locator('#f-sector option').nth(1).getAttribute('value'))!;
    const entity = (await page.locator('#f-entidad option').nth(1).getAttribute('value'))!;
    for (const [param, value, filter] of [
      ['sector', sector, { sector }],
      ['entidad', entity, { entity }],
    ] as const) {
      const data = await gql(FIGURES, { code: POLICY, cut: CUT, filter });
      expect(data.policy.products.totalCount).toBeGreaterThan(0);
      await page.goto(`/politicas/${POLICY}?corte=${CUT}&${param}=${encodeURIComponent(value)}`);
      await expect(page.locator(param === 'sector' ? '#f-sector' : '#f-entidad')).toHaveValue(value);
      expect(await annexCodes(page)).toEqual(data.policy.products.nodes.map((p: any) => p.code));
    }
  });

  test('corte changes the figures and goes to the URL; without corte the API default (today) is used', async ({ page }) => {
    const early = await gql(FIGURES, { code: POLICY, cut: '2023-06-30' });
    await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
    await page.getByLabel('Fecha de corte', { exact: true }).fill('2023-06-30');
    await expect(page).toHaveURL(/corte=2023-06-30/);
    await expect(page.getByTestId('avance-fecha')).toHaveText(
      formatPercent(early.policy.progress.total.toDate.progress).replace('\u00a0', ' '),
    );
    const today = await gql(FIGURES, { code: POLICY });
    await page.goto(`/politicas/${POLICY}`);
    await expect(page.getByLabel('Fecha de corte', { exact: true })).toHaveValue(today.policy.progress.cut);
    expect(await page.getByTestId('avance-fecha').textContent()).toBe(formatPercent(today.policy.progress.total.toDate.progress));
  });

  test('filters are reachable and usable with the keyboard, and go to the URL', async ({ page }) => {
    await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
    await page.getByLabel('Semáforo', { exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // Alto
    await expect(page).toHaveURL(/semaforo=ALTO/);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Sin reporte', { exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/sinReporte=1/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Quitar filtros' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/semaforo|sinReporte/);
    // The annex scrolls as a focusable region and its download buttons are reachable.
    const region = page.getByRole('region', { name: /Productos de la política/ });
    await region.focus();
    await expect(region).toBeFocused();
  });

  test('an invalid parameter is explained, an unknown policy says so', async ({ page }) => {
    await page.goto(`/politicas/${POLICY}?corte=2024-13-45&semaforo=VERDE`);
    await expect(page.getByText('corte=2024-13-45 no es una fecha AAAA-MM-DD')).toBeVisible();
    await expect(page.getByText('semaforo=VERDE no es ALTO, MEDIO, BAJO ni NO_EXIGIBLE.')).toBeVisible();
    await page.goto('/politicas/NO-EXISTE');
    await expect(page.getByRole('alert')).toContainText('No existe una política con el código «NO-EXISTE»');
  });
});
