import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { formatPercent } from '../../src/formatting/number-format';
import { expect, expectAccessible, gql, signIn, test } from './support/fixtures';

const POLICY = 'PPMEG-CTG';
const CUT = '2025-12-31';
const INSTANCE = 'ZESAI';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: readFileSync((await download.path())!) };
}

test('report buttons download the .docx and .xlsx with the key (zip files)', async ({ page, server }) => {
  await signIn(page, server.tokens.viewer);
  await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
  const report = await downloaded(page, () => page.getByRole('button', { name: 'Descargar informe (.docx)' }).click());
  expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(report.download.suggestedFilename()).toMatch(/\.docx$/);
  const annex = await downloaded(page, () => page.getByRole('button', { name: 'Descargar anexo (.xlsx)' }).click());
  expect(annex.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(annex.download.suggestedFilename()).toMatch(/\.xlsx$/);

  await page.goto(`/instancias/${INSTANCE}?desde=2020-01-01&hasta=2020-06-30`);
  const management = await downloaded(page, () => page.getByRole('button', { name: 'Descargar informe de gestión (.docx)' }).click());
  expect(management.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByTestId('informe-error')).toHaveCount(0);
});

test('a refused report shows the server message in Spanish', async ({ page, server }) => {
  await signIn(page, server.tokens.viewer);
  await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
  // The server refuses a cut outside the plan (4xx); the page must show its Spanish reason, not a generic error.
  const res = await page.request.get(`/informes/politicas/${POLICY}.docx?corte=1900-01-01`, {
    headers: { authorization: `Bearer ${server.tokens.viewer}` },
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  expect(res.status()).toBeLessThan(500);
  const { error } = (await res.json()) as { error: string };
  await page.route('**/informes/politicas/**', (route) =>
    route.continue({
      url: route
        .request()
        .url()
        .replace(/corte=[^&]*/, 'corte=1900-01-01'),
    }),
  );
  await page.getByRole('button', { name: 'Descargar informe (.docx)' }).click();
  await expect(page.getByTestId('informe-error')).toHaveText(error);
});

const PENDING = `query($code: String!, $cut: Date, $basis: ReportBasis!) {
  policy(code: $code) { progress(cut: $cut, basis: $basis) { total { pendingReviewCount toDate { progress } cumulative { progress } } } }
}`;

test('the basis switch goes to the URL (base=enviadas) and shows the API figures on that basis', async ({ page }) => {
  const approved = (await gql(PENDING, { code: POLICY, cut: CUT, basis: 'APPROVED' })).policy.progress.total;
  const submitted = (await gql(PENDING, { code: POLICY, cut: CUT, basis: 'SUBMITTED' })).policy.progress.total;
  expect(approved.pendingReviewCount).toBeGreaterThan(0); // the review demo leaves one report pending
  await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
  await expect(page.getByLabel('Aprobadas')).toBeChecked();
  await expect(page.getByTestId('avance-acumulado')).toHaveText(formatPercent(approved.cumulative.progress));
  await expect(page.getByTestId('pendientes-revision')).toContainText(String(approved.pendingReviewCount));
  // click, not check(): the radio follows the URL, and while the page reloads on the new basis it may be
  // redrawn before it shows as checked (check() samples the state once right after the click)
  await page.getByLabel('Enviadas').click();
  await expect(page).toHaveURL(/base=enviadas/);
  await expect(page.getByLabel('Enviadas')).toBeChecked();
  await expect(page.getByTestId('avance-acumulado')).toHaveText(formatPercent(submitted.cumulative.progress));
  await expect(page.getByTestId('avance-fecha')).toHaveText(formatPercent(submitted.toDate.progress));
  await page.getByLabel('Aprobadas').click();
  await expect(page).not.toHaveURL(/base=/);
  await expect(page.getByLabel('Aprobadas')).toBeChecked();
  await page.goto(`/politicas/${POLICY}?corte=${CUT}&base=enviadas`);
  await expect(page.getByLabel('Enviadas')).toBeChecked();
});

test('the office publishes a cut from the policy page; it is listed', async ({ page, server }) => {
  await signIn(page, server.tokens.admin);
  await page.goto(`/politicas/${POLICY}?corte=${CUT}`);
  await page.getByLabel(/Título del corte/).fill('Informe de seguimiento e2e');
  await page.getByRole('button', { name: 'Publicar corte' }).click();
  await expect(page.getByTestId('cortes-publicados')).toContainText('Informe de seguimiento e2e');
  const cuts = (await gql(`{ policy(code: "${POLICY}") { publishedCuts { title cut publishedBy } } }`, {}, { token: server.tokens.admin }))
    .policy.publishedCuts;
  expect(cuts[0]).toEqual({ title: 'Informe de seguimiento e2e', cut: CUT, publishedBy: 'e2e-admin' });
});

const QUEUE = `{ progressReports(filter: { reviewStatus: PENDING }, first: 500) { totalCount nodes { id value product { code } } } }`;

test('/revision: only the office; approving a pending report takes it out of the queue', async ({ page, server }) => {
  await signIn(page, server.tokens.viewer);
  await expect(page.getByRole('link', { name: 'Revisión' })).toHaveCount(0);
  await page.goto('/revision');
  await expect(page.getByRole('alert')).toContainText('solo la oficina de planeación');

  const before = (await gql(QUEUE, {}, { token: server.tokens.admin })).progressReports;
  expect(before.totalCount).toBeGreaterThan(0);
  await signIn(page, server.tokens.admin);
  await page.getByRole('link', { name: 'Revisión' }).click();
  const rows = page.getByTestId('revision').locator('tbody tr');
  await expect(rows).toHaveCount(before.totalCount);
  await expectAccessible(page);

  // Returning without a comment is refused in the page, nothing sent.
  const target = before.nodes[0];
  const row = page.locator(`tr[data-report-id="${target.id}"]`);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Devolver' }).click();
  await expect(page.getByText('Escriba por qué se devuelven')).toBeVisible();

  await page.getByRole('button', { name: 'Aprobar' }).click();
  await expect(page.getByTestId('revision-resultado')).toHaveText('Se aprobó 1 reporte.');
  await expect(page.locator(`tr[data-report-id="${target.id}"]`)).toHaveCount(0);
  const after = (await gql(QUEUE, {}, { token: server.tokens.admin })).progressReports;
  expect(after.totalCount).toBe(before.totalCount - 1);
  expect(after.nodes.map((n: { id: string }) => n.id)).not.toContain(target.id);
  await expectAccessible(page);
});
