import { formatPercent } from '../../src/formatting/number-format';
import { expect, expectAccessible, gql, signIn, test } from './support/fixtures';

const POLICY = 'PPMEG-CTG';
const CUT = '2024-12-31';
const INSTANCE = 'ZESAI';
const FROM = '2020-01-01';
const TO = '2020-06-30';

test('home lists every policy with its figures today and every instance', async ({ page }) => {
  const data = await gql(`{ policies(first: 200) { nodes { code name progress { total { toDate { progress } shares { green } } } } }
    instances(first: 500) { nodes { code name } } }`);
  await page.goto('/');
  const policies = page.getByTestId('tabla-politicas').locator('tbody tr');
  await expect(policies).toHaveCount(data.policies.nodes.length);
  for (const [i, p] of data.policies.nodes.entries()) {
    const cells = policies.nth(i).locator('td, th');
    expect(await cells.nth(0).textContent()).toBe(p.code);
    expect(await cells.nth(5).textContent()).toBe(formatPercent(p.progress.total.toDate.progress));
    expect(await cells.nth(8).textContent()).toBe(formatPercent(p.progress.total.shares.green));
  }
  await expect(page.getByTestId('tabla-instancias').locator('tbody tr')).toHaveCount(data.instances.nodes.length);
  await expectAccessible(page);
  await page.getByRole('link', { name: data.policies.nodes[0].name }).click();
  await expect(page).toHaveURL(new RegExp(`/politicas/${data.policies.nodes[0].code}$`));
});

test('product page: sheet, figures at the cut, trajectory and light history from the API', async ({ page }) => {
  const { policy } = await gql(`{ policy(code: "${POLICY}") { products(first: 1) { nodes { code } } } }`);
  const code = policy.products.nodes[0].code;
  const data = await gql(
    `query($p: String!, $c: String!, $cut: Date) { product(policyCode: $p, code: $c) { name goals { year } reports { year }
      progress(cut: $cut) { due trafficLight toDate { progress } cumulative { progress } }
      trajectory(cut: $cut) { year period progress { trafficLight due toDate { progress } } } } }`,
    { p: POLICY, c: code, cut: CUT },
  );
  await page.goto(`/politicas/${POLICY}/productos/${code}?corte=${CUT}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(data.product.name);
  const p = data.product.progress;
  expect(await page.getByTestId('avance-fecha').textContent()).toBe(p.due ? formatPercent(p.toDate.progress) : 'No exigible');
  expect(await page.getByTestId('avance-acumulado').textContent()).toBe(formatPercent(p.cumulative.progress));
  const history = page.getByTestId('historial-semaforo').locator('tbody tr');
  await expect(history).toHaveCount(Math.max(1, data.product.trajectory.length));
  const lights = { ALTO: 'Alto', MEDIO: 'Medio', BAJO: 'Bajo', NOT_DUE: 'No exigible' } as Record<string, string>;
  for (const [i, t] of data.product.trajectory.entries()) {
    expect(await history.nth(i).locator('td').nth(4).textContent()).toBe(lights[t.progress.trafficLight]);
  }
  await expect(page.getByTestId('grafico-trayectoria').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('metas').locator('tbody tr')).toHaveCount(Math.max(1, data.product.goals.length));
  await expect(page.getByTestId('reportes').locator('tbody tr')).toHaveCount(Math.max(1, data.product.reports.length));
  await expectAccessible(page);
});

test('instance page: held vs programmed, quorum, attendance matrix and commitments for desde/hasta', async ({ page }) => {
  const data = await gql(
    `query($code: String!, $from: Date!, $to: Date!) { instance(code: $code) { name memberships { id }
      stats(from: $from, to: $to) { functionCoverage commitments { open done overdue } sessions { type held programmed compliance } }
      sessions(from: $from, to: $to) { number status quorum { present required } } } }`,
    { code: INSTANCE, from: FROM, to: TO },
  );
  await page.goto(`/instancias/${INSTANCE}?desde=${FROM}&hasta=${TO}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.instance.name);
  await expect(page.getByLabel('Desde')).toHaveValue(FROM);
  await expect(page.getByLabel('Hasta')).toHaveValue(TO);
  const s = data.instance.stats;
  expect(await page.getByTestId('cobertura').textContent()).toBe(s.functionCoverage == null ? '—' : formatPercent(s.functionCoverage));
  expect(await page.getByTestId('compromisos-abiertos').textContent()).toBe(String(s.commitments.open));
  expect(await page.getByTestId('compromisos-vencidos').textContent()).toBe(String(s.commitments.overdue));
  const counts = page.getByTestId('sesiones-tipo').locator('tbody tr');
  for (const [i, c] of s.sessions.entries()) {
    const cells = counts.nth(i).locator('td');
    expect(await cells.nth(0).textContent()).toBe(String(c.programmed));
    expect(await cells.nth(1).textContent()).toBe(String(c.held));
    expect(await cells.nth(2).textContent()).toBe(c.compliance == null ? '—' : formatPercent(c.compliance));
  }
  await expect(page.getByTestId('sesiones').locator('tbody tr')).toHaveCount(data.instance.sessions.length);
  await expect(page.getByTestId('asistencia').locator('tbody tr')).toHaveCount(data.instance.memberships.length);
  const held = data.instance.sessions.filter((x: any) => x.status === 'REALIZADA').length;
  await expect(page.getByTestId('asistencia').locator('thead th')).toHaveCount(3 + held + 1);
  await expectAccessible(page);

  // hasta changes the period and goes to the URL.
  await page.getByLabel('Hasta').fill('2020-03-31');
  await expect(page).toHaveURL(/hasta=2020-03-31/);
  const march = await gql(`{ instance(code: "${INSTANCE}") { sessions(from: "${FROM}", to: "2020-03-31") { number } } }`);
  await expect(page.getByTestId('sesiones').locator('tbody tr')).toHaveCount(Math.max(1, march.instance.sessions.length));
});

test('session page: agenda, attendance, quorum and commitments of one acta', async ({ page }) => {
  const list = await gql(`{ instance(code: "${INSTANCE}") { sessions(from: "${FROM}", to: "${TO}", status: REALIZADA) { year number } } }`);
  const { year, number } = list.instance.sessions[0];
  const data = await gql(
    `{ session(instanceCode: "${INSTANCE}", year: ${year}, number: ${number}) { agenda { text } attendance { person { name } } commitments { text } quorum { present required met voting } } }`,
  );
  await page.goto(`/instancias/${INSTANCE}/sesiones/${year}/${number}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Acta ${number} de ${year}`);
  const q = data.session.quorum;
  expect(await page.getByTestId('presentes').textContent()).toBe(String(q.present));
  expect(await page.getByTestId('requeridos').textContent()).toBe(String(q.required));
  expect(await page.getByTestId('quorum').textContent()).toBe(q.met ? 'Sí hubo quórum' : 'No hubo quórum');
  await expect(page.getByTestId('asistencia').locator('tbody tr')).toHaveCount(Math.max(1, data.session.attendance.length));
  await expect(page.getByTestId('compromisos').locator('tbody tr')).toHaveCount(Math.max(1, data.session.commitments.length));
  await expectAccessible(page);
  await page.goto(`/instancias/${INSTANCE}/sesiones/${year}/999`);
  await expect(page.getByRole('alert')).toContainText(`No existe el acta 999 de ${year}`);
});

test.describe('lotes and access', () => {
  test('anonymous readers (PUBLIC_READ) do not see batches; the office does, with issues and the Errores workbook', async ({
    page,
    server,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Lotes de carga' })).toHaveCount(0);
    await page.goto('/lotes');
    await expect(page.getByRole('alert')).toContainText('Los lotes de carga solo los ve la oficina');

    const data = await gql(
      `{ importBatches(first: 200) { totalCount nodes { id status fileName errorCount } } }`,
      {},
      { token: server.tokens.admin },
    );
    await signIn(page, server.tokens.admin);
    expect(page.url()).not.toContain('clave='); // the key leaves the address bar at once
    await page.getByRole('link', { name: 'Lotes de carga' }).click();
    const rows = page.getByTestId('lotes').locator('tbody tr');
    await expect(rows).toHaveCount(data.importBatches.totalCount);
    await expectAccessible(page);

    const rejected = data.importBatches.nodes.find((b: any) => b.status === 'REJECTED');
    await page.goto('/lotes?estado=REJECTED');
    await expect(page.getByTestId('lotes').locator('tbody tr')).toHaveCount(
      data.importBatches.nodes.filter((b: any) => b.status === 'REJECTED').length,
    );
    await page.getByRole('button', { name: 'Ver errores' }).first().click();
    await expect(page.getByTestId('errores-lote').locator('tbody tr')).toHaveCount(rejected.errorCount);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Descargar Errores' }).first().click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^errores-${rejected.id}-`));
    await page.goto('/lotes?tipo=PLAN');
    const plans = await gql(`{ importBatches(filter: { kind: PLAN }) { totalCount } }`, {}, { token: server.tokens.admin });
    await expect(page.getByTestId('lotes').locator('tbody tr')).toHaveCount(plans.importBatches.totalCount);
  });

  test('without PUBLIC_READ a page asks for the key; a wrong key is refused in Spanish; a good one opens the page', async ({
    page,
    server,
  }) => {
    await page.goto(`${server.privateBase}/politicas/${POLICY}?corte=${CUT}`);
    await expect(page.getByRole('alert')).toContainText('necesita ingresar con su clave de acceso');
    await page.getByRole('link', { name: 'Ingresar con una clave de acceso' }).click();
    await expect(page).toHaveURL(/\/ingresar\?volver=/);
    await page.getByLabel('Clave de acceso').fill('rumbo_estaclavenoexisteyesinventada1234567');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await expect(page.getByRole('alert')).toContainText('La clave no es válida');
    await page.getByLabel('Clave de acceso').fill(server.tokens.viewer);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await expect(page).toHaveURL(new RegExp(`/politicas/${POLICY}\\?corte=${CUT}$`));
    await expect(page.getByTestId('avance-fecha')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Lotes de carga' })).toHaveCount(0); // a VIEWER sees no batches
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Salir' }).click();
    await expect(page.getByRole('link', { name: 'Ingresar' })).toBeVisible();
  });

  test('unknown app paths fall back to the app; API paths stay the API', async ({ page, request }) => {
    await page.goto('/no/existe');
    await expect(page.getByRole('alert')).toContainText('Esta dirección no existe en Rumbo.');
    expect((await request.get('/livez')).status()).toBe(200);
    expect(await (await request.get('/readyz')).json()).toEqual({ status: 'ok', database: 'up' });
    const html = await request.get('/', { headers: { accept: 'text/html' } });
    expect(html.headers()['cache-control']).toBe('no-cache');
    const asset = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const js = await request.get(asset, { headers: { 'accept-encoding': 'br' } });
    expect(js.headers()['cache-control']).toContain('immutable');
    expect(js.headers()['content-encoding']).toBe('br');
    expect((await request.get('/templates/nada')).headers()['content-type']).toContain('json');
  });
});

test('downloads hold exactly the rows and columns shown (.csv and .xlsx)', async ({ page }) => {
  await page.goto(`/politicas/${POLICY}?corte=${CUT}&semaforo=ALTO`);
  const table = page.getByTestId('anexo');
  await expect(table.locator('tbody tr td').first()).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr: any) => [...tr.querySelectorAll('td, th')].map((c: any) => String(c.textContent ?? ''))));
  const csvDownload = page.waitForEvent('download');
  await table.getByRole('button', { name: /Descargar \.csv/ }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe(`anexo-${POLICY}-${CUT}.csv`);
  const text = require('node:fs').readFileSync(await csv.path(), 'utf8') as string;
  const lines = text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(headers.join(';'));
  expect(lines.length - 1).toBe(rows.length);
  expect(lines.slice(1).map((l) => l.split(';').map((f) => f.replace(/^"|"$/g, '')))).toEqual(rows);

  const xlsxDownload = page.waitForEvent('download');
  await table.getByRole('button', { name: /Descargar \.xlsx/ }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe(`anexo-${POLICY}-${CUT}.xlsx`);
  const XLSX = require('xlsx');
  const book = XLSX.readFile(await xlsx.path());
  const sheet = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1, raw: false, defval: '' }) as string[][];
  expect(sheet[0]).toEqual(headers);
  expect(sheet.length - 1).toBe(rows.length);
  expect(sheet.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r[1])); // product codes, same order
});
