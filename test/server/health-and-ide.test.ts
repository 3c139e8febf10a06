import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';

describe('HTTP surface: health checks and the offline GraphQL IDE', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('health');
  });
  afterAll(() => db.drop());

  it('answers /livez, and /readyz while the database is reachable (503 when it is not)', async () => {
    const http = await startTestHttp(db);
    try {
      expect((await http.request('/livez')).body).toEqual({ status: 'ok' });
      expect((await http.request('/readyz')).body).toEqual({ status: 'ok', database: 'up' });
    } finally {
      await http.stop();
    }
    // A second app whose pool is closed: the process lives, readiness fails.
    const other = await createTestDatabase('health_down');
    const down = await startTestHttp(other);
    await other.ds.destroy();
    try {
      expect((await down.request('/livez')).status).toBe(200);
      const ready = await down.request('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      await down.stop();
      await other.drop();
    }
  });

  it('serves the IDE page pointing at its own assets (no CDN), and not in production', async () => {
    const http = await startTestHttp(db);
    try {
      const page = await http.request('/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('/ruru-static/ruru.js');
      expect(page.text).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
      // The assets themselves (ruru/static loads its bundle with a dynamic import, which jest's VM does
      // not allow) are checked against the built server by scripts/smoke-start.sh.
    } finally {
      await http.stop();
    }
    const prod = await startTestHttp(db, { NODE_ENV: 'production' });
    try {
      const page = await prod.request('/graphql', { headers: { accept: 'text/html' } });
      expect(page.text).not.toContain('ruru');
      const introspection = await prod.gql('{ __schema { queryType { name } } }', { headers: {} });
      expect(introspection.status).toBeGreaterThanOrEqual(400);
    } finally {
      await prod.stop();
    }
  });
});
