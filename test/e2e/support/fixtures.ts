import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export interface E2EServer {
  publicBase: string;
  privateBase: string;
  tokens: { admin: string; viewer: string };
  /** The test database (the desk's test compares table checksums before and after a refused upload). */
  databaseUrl: string;
}

export function e2eServer(): E2EServer {
  const raw = process.env.E2E_SERVER;
  if (!raw) throw new Error('E2E_SERVER is not set: run the browser tests with `npm run test:e2e`.');
  return JSON.parse(raw) as E2EServer;
}

/** POST /graphql on the test server, the figures the page must show. */
export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { base?: string; token?: string } = {},
): Promise<T> {
  const server = e2eServer();
  const res = await fetch(`${options.base ?? server.publicBase}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

/** Signs in the page's tab with a key through the `#clave=` link the office sends. */
export async function signIn(page: Page, key: string, base = e2eServer().publicBase): Promise<void> {
  await page.goto(`${base}/ingresar#clave=${key}`);
  await expect(page.getByRole('button', { name: 'Salir' })).toBeVisible();
}

export const test = base.extend<{ server: E2EServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  server: async ({}, use) => {
    await use(e2eServer());
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  baseURL: async ({}, use) => {
    await use(e2eServer().publicBase);
  },
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
