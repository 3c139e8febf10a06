import path from 'node:path';
import { expect, signIn, test } from './support/fixtures';

/** `npm run docs:screenshots`: the main pages as docs/img/*.png (skipped in `npm test`). */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1 (npm run docs:screenshots)');

const out = (name: string) => path.resolve(__dirname, '..', '..', 'docs', 'img', `${name}.png`);

test('screenshots of the main pages', async ({ page, server }) => {
  test.setTimeout(120_000);
  const shots: [string, string, string][] = [
    ['inicio', '/', 'tabla-politicas'],
    ['politica', '/politicas/PPMEG-CTG?corte=2024-12-31', 'grafico-5'],
    ['politica-filtrada', '/politicas/PPMEG-CTG?corte=2024-12-31&semaforo=BAJO', 'anexo'],
    ['producto', '/politicas/PPMEG-CTG/productos/3.5?corte=2024-12-31', 'grafico-trayectoria'],
    ['instancia', '/instancias/ZESAI?desde=2020-01-01&hasta=2020-06-30', 'asistencia'],
    ['sesion', '/instancias/ZESAI/sesiones/2020/1', 'asistencia'],
  ];
  for (const [name, url, testId] of shots) {
    await page.goto(url);
    await expect(page.getByTestId(testId)).toBeVisible();
    if (name.startsWith('politica') || name === 'producto') await expect(page.locator('.chart-canvas svg').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out(name), fullPage: true });
  }
  await signIn(page, server.tokens.admin);
  await page.goto('/lotes');
  await expect(page.getByTestId('lotes')).toBeVisible();
  await page.screenshot({ path: out('lotes'), fullPage: true });
  await page.goto('/ingresar');
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.screenshot({ path: out('ingresar') });
});
