import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { createConnection } from 'mysql2/promise';
import { formatNumber } from '../../src/formatting/number-format';
import { expect, expectAccessible, gql, signIn, test } from './support/fixtures';

/**
 * The entity's desk (docs/web.md#reportar, docs/guia-entidades.md): the office creates a key on /claves,
 * the entity signs in from the link, downloads its REPORTE, fills it, drops it, reads the error in the page,
 * fixes it, sends it and sees IMPORTED with its new figures.
 */
const ENTITY = 'CTG-SPDS';
const POLICY = 'PPMEG-CTG';
const OWN_PRODUCT = '1.2'; // CTG-SPDS is responsible (annual)
const OTHERS_PRODUCT = '2.2'; // CTG-DADIS only (monthly)
const YEAR = 2025; // 1.2's 2025 period is due (it ended on 31/12/2025) and not reported by the demo

/** Every data table's checksum (api_tokens is left out: a key's use is recorded on it by design). */
async function checksums(databaseUrl: string): Promise<Record<string, string>> {
  const db = await createConnection(databaseUrl);
  try {
    const [tables] = (await db.query('SHOW TABLES')) as unknown as [Record<string, string>[]];
    const names = tables.map((t) => Object.values(t)[0]!).filter((n) => n !== 'migrations' && n !== 'api_tokens');
    const [rows] = (await db.query(`CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')}`)) as unknown as [
      { Table: string; Checksum: number | string }[],
    ];
    return Object.fromEntries(rows.map((r) => [r.Table.split('.').pop()!, String(r.Checksum)]));
  } finally {
    await db.end();
  }
}

async function ownBatchIds(databaseUrl: string): Promise<{ own: string[]; all: number }> {
  const db = await createConnection(databaseUrl);
  try {
    const [own] = (await db.query(
      'SELECT b.id FROM import_batches b JOIN entities e ON e.id = b.uploader_entity_id WHERE e.code = ? ORDER BY b.id DESC',
      [ENTITY],
    )) as unknown as [{ id: number }[]];
    const [all] = (await db.query('SELECT COUNT(*) AS n FROM import_batches')) as unknown as [{ n: number }[]];
    return { own: own.map((r) => String(r.id)), all: Number(all[0]!.n) };
  } finally {
    await db.end();
  }
}

/** /claves as ADMIN: a new ENTITY key for a person; returns the sign-in link the page shows once. */
/** Characters of a key the list shows (TOKEN_PREFIX_LENGTH of src/services/token.service.ts). */
const LISTED_PREFIX = 'rumbo_'.length + 8;

async function createKeyOnPage(page: Page, adminKey: string, name: string): Promise<string> {
  await signIn(page, adminKey);
  await page.goto('/claves');
  await expect(page.getByRole('heading', { name: 'Claves de acceso' })).toBeVisible();
  await page.getByLabel('Rol').selectOption('ENTITY');
  await page.getByLabel('Entidad').selectOption(ENTITY);
  await page.getByLabel('Nombre de la persona').fill(name);
  await page.getByRole('button', { name: 'Crear clave y enlace' }).click();
  const link = await page.getByTestId('enlace-ingreso').inputValue();
  expect(link).toMatch(/\/ingresar#clave=rumbo_[A-Za-z0-9_-]{43}$/);
  // the new key's row (found by its listed prefix: another test may have given the same person a key)
  const prefix = link.slice(link.indexOf('clave=') + 'clave='.length).slice(0, LISTED_PREFIX);
  const row = page.getByTestId('claves').getByRole('row').filter({ hasText: prefix });
  await expect(row.getByRole('rowheader', { name })).toBeVisible();
  return link;
}

/** A fresh tab (its own sessionStorage) opened on the link: the person is in, and the key left the address bar. */
async function openLink(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: new URL(link).origin, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(link);
  await expect(page.getByRole('button', { name: 'Salir' })).toBeVisible();
  expect(page.url()).not.toContain('clave=');
  return page;
}

async function downloadTemplate(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Descargar REPORTE pre-llenado (.xlsx)' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  return workbook;
}

/** Column number of a header (without the ` *` required mark) in row 1. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (String(cell.value).replace(/ \*$/, '') === header) found = col;
  });
  if (!found) throw new Error(`no column «${header}» in ${sheet.name}`);
  return found;
}

/** The pre-filled row of a product's period (codes, name and goal written by the server). */
function rowOf(sheet: ExcelJS.Worksheet, product: string, year: number, period: string): ExcelJS.Row {
  const [code, y, p] = ['Código producto', 'Vigencia', 'Periodo'].map((h) => columnOf(sheet, h));
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (String(row.getCell(code!).value) === product && Number(row.getCell(y!).value) === year && String(row.getCell(p!).value) === period)
      return row;
  }
  throw new Error(`no pre-filled row for ${product} ${year} ${period}`);
}

/** What the entity types: the value (and who reports) in its product's row. */
function fillValue(workbook: ExcelJS.Workbook, value: string | number): void {
  const sheet = workbook.getWorksheet('Reporte')!;
  const row = rowOf(sheet, OWN_PRODUCT, YEAR, 'ANUAL');
  row.getCell(columnOf(sheet, 'Valor')).value = value;
  row.getCell(columnOf(sheet, 'Reportado por')).value = 'Ana Pérez';
  row.commit();
}

const bytesOf = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer()) as Buffer;

/** Drops a file on the zone as a browser does (a DataTransfer with the file). */
async function dropFile(page: Page, bytes: Buffer, name: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      // runs in the page: the browser's DataTransfer and File
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: unknown): void } };
        File: new (parts: unknown[], name: string, o: { type: string }) => unknown;
      };
      const dt = new w.DataTransfer();
      dt.items.add(
        new w.File([new Uint8Array(data)], fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
      return dt;
    },
    { data: [...bytes], fileName: name },
  );
  await page.getByTestId('zona-carga').dispatchEvent('drop', { dataTransfer: transfer });
}

const DESK = `query { reportingDesk { items(first: 100) { code policyCode periods(first: 24) { year period label goal state report { value } } } } }`;

/** The desk's period of a product as the API gives it to the entity's key. */
async function deskPeriod(key: string, product: string) {
  const desk = (await gql(DESK, {}, { token: key })).reportingDesk;
  const item = desk.items.find((i: { code: string; policyCode: string }) => i.code === product && i.policyCode === POLICY);
  return item.periods.find((p: { year: number; period: string }) => p.year === YEAR && p.period === 'ANUAL') as {
    label: string;
    goal: number | null;
    state: string;
    report: { value: number } | null;
  };
}

/** The entity's due periods as `code year period`: all of them, and those still missing. */
async function duePeriods(key: string): Promise<{ all: string[]; missing: string[] }> {
  const desk = (await gql(DESK, {}, { token: key })).reportingDesk;
  const all: string[] = [];
  const missing: string[] = [];
  for (const i of desk.items as { code: string; periods: { year: number; period: string; state: string }[] }[])
    for (const p of i.periods) {
      all.push(`${i.code} ${p.year} ${p.period}`);
      if (p.state === 'MISSING') missing.push(`${i.code} ${p.year} ${p.period}`);
    }
  return { all, missing };
}

/** The desk's row of a product and period in the page. */
const deskRow = (page: Page, product: string, label: string) =>
  page
    .getByTestId('escritorio')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^Producto ${product.replace('.', '\\.')}:`) }) })
    .filter({ has: page.getByRole('cell', { name: label, exact: true }) });

const REPORTED = `query($policy: String!, $product: String!, $year: Int!) {
  progressReports(filter: { policyCode: $policy, productCode: $product, year: $year }, first: 10) { nodes { period value } }
}`;

test('an entity signs in from a link, reports from its pre-filled REPORTE and sees it IMPORTED (time printed)', async ({
  page,
  browser,
  server,
}) => {
  test.setTimeout(60_000);
  const link = await createKeyOnPage(page, server.tokens.admin, 'Ana Pérez (SPDS)');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/e2e/claves.png', fullPage: true });

  const started = performance.now();
  const desk = await openLink(browser, link);
  await desk.goto('/reportar');
  await expect(desk.getByRole('heading', { name: 'Reportar avances' })).toBeVisible();
  await expect(desk.getByRole('link', { name: 'Mis lotes', exact: true })).toBeVisible();
  await expect(desk.getByRole('link', { name: 'Claves', exact: true })).toHaveCount(0);

  const key = decodeURIComponent(new URL(link).hash.replace('#clave=', ''));
  const due = await deskPeriod(key, OWN_PRODUCT);
  expect(due).toMatchObject({ state: 'MISSING', report: null });
  const row = deskRow(desk, OWN_PRODUCT, due.label);
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(3)).toHaveText(due.goal === null ? '—' : formatNumber(due.goal, 2));
  await expect(row.locator('td').nth(5)).toHaveText('Falta');
  const signedIn = performance.now();
  const workbook = await downloadTemplate(desk);
  const downloaded = performance.now();
  // the pre-filled REPORTE: Instrucciones first; one row per due period of the desk, codes locked, value open, drop-downs
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Instrucciones', 'Reporte']);
  const sheet = workbook.getWorksheet('Reporte')!;
  const deskPeriods = await duePeriods(key);
  const rows: string[] = [];
  const [code, y, p] = ['Código producto', 'Vigencia', 'Periodo'].map((h) => columnOf(sheet, h));
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(`${String(row.getCell(code!).value)} ${String(row.getCell(y!).value)} ${String(row.getCell(p!).value)}`);
  });
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(deskPeriods.all).toContain(r); // every row is a due period of this entity
  for (const r of deskPeriods.missing) expect(rows).toContain(r); // and every missing one is there
  expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  const own = rowOf(sheet, OWN_PRODUCT, YEAR, 'ANUAL');
  for (const h of ['Código política', 'Código producto', 'Nombre', 'Meta del periodo'])
    expect({ h, locked: own.getCell(columnOf(sheet, h)).protection?.locked ?? true }).toEqual({ h, locked: true });
  for (const h of ['Valor', 'Avance cualitativo', 'Reportado por'])
    expect({ h, locked: own.getCell(columnOf(sheet, h)).protection?.locked }).toEqual({ h, locked: false });
  expect(own.getCell(columnOf(sheet, 'Código producto')).numFmt).toBe('@');
  expect(own.getCell(columnOf(sheet, 'Periodo')).dataValidation).toMatchObject({ type: 'list' });
  expect(own.getCell(columnOf(sheet, 'Vigencia')).dataValidation).toMatchObject({ type: 'list' });
  expect(own.getCell(columnOf(sheet, 'Valor')).value).toBeNull();

  // a bad cell: the page lists it with its sheet, row, column and value, and offers no "Enviar"
  fillValue(workbook, 'treinta');
  await dropFile(desk, await bytesOf(workbook), 'reporte-spds.xlsx');
  const sheetIssues = desk.getByTestId('revision-hoja-Reporte');
  await expect(sheetIssues).toBeVisible();
  const bad = sheetIssues.locator('tbody tr').filter({ hasText: 'treinta' });
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('td').nth(1)).toHaveText(String(own.number));
  await expect(bad.locator('td').nth(2)).toHaveText('Valor');
  await expect(desk.getByRole('button', { name: 'Enviar' })).toHaveCount(0);
  const checked = performance.now();

  // fixed, picked with the file picker this time, then sent
  fillValue(workbook, 31);
  await desk.getByTestId('archivo').setInputFiles({
    name: 'reporte-spds.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await bytesOf(workbook),
  });
  await expect(desk.getByTestId('revision-resumen')).toContainText('sin errores');
  await desk.getByRole('button', { name: 'Enviar' }).click();
  await expect(desk.getByTestId('lote-progreso')).toContainText('Importado', { timeout: 20_000 });
  await expect(desk.getByTestId('lote-fase')).toContainText('Nuevas: 1');
  const done = performance.now();
  const seconds = (done - started) / 1000;
  const s = (a: number, b: number) => `${((b - a) / 1000).toFixed(2)} s`;
  // Printed, not asserted: the house rules measure speed in bench/, not with timed tests (a loaded CI
  // machine would fail it); the issue's bar is under 10 s.
  console.log(
    `desk end to end (link → template → error → fix → IMPORTED): ${seconds.toFixed(2)} s ` +
      `[sign-in ${s(started, signedIn)}, template ${s(signedIn, downloaded)}, bad file checked ${s(downloaded, checked)}, fixed, sent and imported ${s(checked, done)}]`,
  );
  await desk.screenshot({ path: 'test-results/e2e/reportar-importado.png', fullPage: true });

  // the desk was read again: the period now shows the value sent, waiting for the office's review
  const after = await deskPeriod(key, OWN_PRODUCT);
  expect(after).toMatchObject({ state: 'SUBMITTED', report: { value: 31 } });
  await expect(row.locator('td').nth(4)).toHaveText(formatNumber(31, 2));
  await expect(row.locator('td').nth(5)).toHaveText('Enviado, en revisión');
  const reported = await gql(REPORTED, { policy: POLICY, product: OWN_PRODUCT, year: YEAR }, { token: server.tokens.admin });
  expect(reported.progressReports.nodes).toEqual([{ period: 'ANUAL', value: 31 }]);
  await desk.context().close();
});

test("the same flow with another entity's product is refused in the page, with nothing written", async ({ page, browser, server }) => {
  test.setTimeout(60_000);
  const link = await createKeyOnPage(page, server.tokens.admin, 'Luis Gómez (SPDS)');
  const desk = await openLink(browser, link);
  await desk.goto('/reportar');
  const workbook = await downloadTemplate(desk);
  // the entity retypes its row as another entity's product (a copied workbook, the protection removed)
  const sheet = workbook.getWorksheet('Reporte')!;
  const row = rowOf(sheet, OWN_PRODUCT, YEAR, 'ANUAL');
  row.getCell(columnOf(sheet, 'Código producto')).value = OTHERS_PRODUCT;
  row.getCell(columnOf(sheet, 'Periodo')).value = 'M01';
  row.getCell(columnOf(sheet, 'Valor')).value = 12;
  row.commit();
  const before = await checksums(server.databaseUrl);
  await dropFile(desk, await bytesOf(workbook), 'reporte-ajeno.xlsx');
  const issue = desk.getByTestId('revision-hoja-Reporte').locator('tbody tr').first();
  await expect(issue).toContainText(OTHERS_PRODUCT);
  await expect(desk.getByTestId('revision-resumen')).toContainText('1 error');
  await expect(desk.getByRole('button', { name: 'Enviar' })).toHaveCount(0);
  expect(await checksums(server.databaseUrl)).toEqual(before);
  await expectAccessible(desk); // the page with an error listed
  await desk.screenshot({ path: 'test-results/e2e/reportar-ajeno.png', fullPage: true });
  await desk.context().close();
});

test('on /reportar/lotes an entity sees only its own batches; axe and the keyboard on the desk', async ({ page, browser, server }) => {
  test.setTimeout(60_000);
  const link = await createKeyOnPage(page, server.tokens.admin, 'Marta Ruiz (SPDS)');
  const desk = await openLink(browser, link);
  await desk.goto('/reportar/lotes');
  await expect(desk.getByRole('heading', { name: 'Mis lotes enviados' })).toBeVisible();
  const { own, all } = await ownBatchIds(server.databaseUrl);
  expect(own.length).toBeGreaterThan(0);
  expect(all).toBeGreaterThan(own.length);
  const ids = await desk.getByTestId('lotes').locator('tbody tr td:first-child').allTextContents();
  expect(ids).toEqual(own);
  await expect(desk.getByTestId('lotes')).not.toContainText('reporte-roto.xlsx'); // the office's batch
  await expectAccessible(desk);
  await desk.screenshot({ path: 'test-results/e2e/reportar-lotes.png', fullPage: true });

  await desk.goto('/reportar');
  await expectAccessible(desk);
  // Enter and Space on the focused zone open the file picker: they click the file input (counted here,
  // and the native dialog is held back so one key's picker does not block the next).
  await expect(desk.getByTestId('escritorio')).toBeVisible(); // the page has settled
  await desk.getByTestId('archivo').evaluate((input) => {
    const w = globalThis as unknown as { pickerOpened: number };
    w.pickerOpened = 0;
    (input as unknown as { addEventListener(t: string, f: (e: { preventDefault(): void }) => void): void }).addEventListener(
      'click',
      (e) => {
        w.pickerOpened++;
        e.preventDefault();
      },
    );
  });
  for (const [n, key] of (['Enter', ' '] as const).entries()) {
    await desk.getByTestId('zona-carga').focus();
    await desk.keyboard.press(key);
    await expect.poll(() => desk.evaluate(() => (globalThis as unknown as { pickerOpened: number }).pickerOpened)).toBe(n + 1);
  }
  // a VIEWER key is told, in Spanish, that reporting needs the entity's key
  await signIn(page, server.tokens.viewer);
  await page.goto('/reportar');
  await expect(page.getByRole('alert')).toContainText('Para reportar necesita la clave de acceso de su entidad.');
  await desk.context().close();
});

test('an entity downloads its policy\'s plan filled with what is stored ("Descargar plan diligenciado")', async ({
  page,
  browser,
  server,
}) => {
  test.setTimeout(60_000);
  const link = await createKeyOnPage(page, server.tokens.admin, 'Luis Gómez (SPDS)');
  const desk = await openLink(browser, link);
  await desk.goto('/reportar');
  const buttons = desk.getByTestId('libros-diligenciados');
  await expect(buttons.getByRole('button', { name: `Descargar plan diligenciado ${POLICY} (.xlsx)` })).toBeVisible();
  // CTG-SPDS holds no technical secretariat: no instance to download
  await expect(buttons.getByRole('button', { name: /instancia diligenciada/ })).toHaveCount(0);
  await desk.screenshot({ path: 'test-results/e2e/reportar-diligenciados.png', fullPage: true });
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    buttons.getByRole('button', { name: `Descargar plan diligenciado ${POLICY} (.xlsx)` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`plan-${POLICY}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    'Instrucciones',
    'Politica',
    'Entidades',
    'Objetivos',
    'Resultados',
    'Productos',
    'Metas',
  ]);
  expect(workbook.getWorksheet('Politica')!.getCell('A2').value).toBe(POLICY);
  const products = workbook.getWorksheet('Productos')!;
  const codes: string[] = [];
  products.eachRow((row, n) => n > 1 && row.getCell(1).value !== null && codes.push(String(row.getCell(1).value)));
  expect(codes).toContain(OWN_PRODUCT);
  expect(codes).toContain(OTHERS_PRODUCT); // the whole plan, not only the entity's products
});
