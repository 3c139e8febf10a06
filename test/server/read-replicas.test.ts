import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { createDataSource, openDataSource } from '../../src/database/data-source';
import { onPrimary, readQuery, ReplicaSet, replicasOf } from '../../src/database/replication';
import { loadConfig } from '../../src/config/config';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { insertPolicyFixture } from '../support/fixtures';
import { ReplicaPair, startReplicaPair } from '../support/replica-pair';
import { startTestHttp } from '../support/test-http';

const DB = 'rumbo_i15_replica_t';
const POLICIES = '{ policies(first: 50) { nodes { code } } }';
const STICKY_MS = 1500;
const CHECK_MS = 150;

/**
 * The API with a real MariaDB primary and a replica following it (test/support/replica-pair.ts): where
 * reads and writes go, read-your-writes for a token that just uploaded, a replica that falls behind or
 * goes away (docs/scaling.md#réplicas-de-lectura).
 */
describe('read replicas', () => {
  let pair: ReplicaPair;
  let ds: DataSource;
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let admin: { secret: string; id: number };
  let viewer: string;
  let replicaUrl: string;
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-i15-replica-'));

  const codes = async (token: string): Promise<string[]> => {
    const res = await http.gql(POLICIES, { token });
    expect(res.body.errors).toBeUndefined();
    return (res.body.data.policies.nodes as { code: string }[]).map((n) => n.code).sort();
  };
  const until = async (what: () => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!what()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const replicaState = () => replicasOf(ds)!.statuses()[0]!.state;

  beforeAll(async () => {
    pair = await startReplicaPair('i15-replica');
    // A reading user with a password (created on the primary, replicated): it may SELECT and ask for the
    // replication status, nothing else, so a write sent to the replica would fail loudly.
    await pair.primary.exec(
      `CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      "CREATE USER 'lector'@'127.0.0.1' IDENTIFIED BY 'clave-secreta-lector'",
      "GRANT SELECT, SLAVE MONITOR ON *.* TO 'lector'@'127.0.0.1'",
    );
    const migrate = createDataSource({ url: pair.primary.url(DB), migrations: MIGRATIONS, flavor: 'mariadb', poolSize: 2 });
    await migrate.initialize();
    await migrate.runMigrations({ transaction: 'each' });
    await insertPolicyFixture(migrate, 'AMBOS', 2);
    const security = createSecurityServices(migrate);
    const created = await security.tokens.create({ role: Role.ADMIN, name: 'subidor', createdBy: 'test' });
    admin = { secret: created.secret, id: created.token.id };
    viewer = (await security.tokens.create({ role: Role.VIEWER, name: 'lector', createdBy: 'test' })).secret;
    await migrate.destroy();
    await pair.caughtUp();

    // Rows only the replica has (ids far above the primary's): a read that shows them was served by the replica.
    const onReplica = createDataSource({ url: pair.replica.url(DB), flavor: 'mariadb', poolSize: 1 });
    await onReplica.initialize();
    await onReplica.query('SET SESSION auto_increment_increment = 65535, auto_increment_offset = 65535');
    await insertPolicyFixture(onReplica, 'SOLO-REPLICA', 1);
    await onReplica.destroy();

    replicaUrl = `mysql://lector:clave-secreta-lector@127.0.0.1:${pair.replica.port}/${DB}`;
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: pair.primary.url(DB),
      DATABASE_REPLICA_URLS: replicaUrl,
      DATABASE_REPLICA_CHECK_MS: String(CHECK_MS),
      DATABASE_REPLICA_MAX_LAG_S: '5',
      DATABASE_REPLICA_STICKY_MS: String(STICKY_MS),
      STORAGE_DIR: path.join(dirs, 'storage'),
      INBOX_DIR: path.join(dirs, 'inbox'),
    };
    const config = loadConfig(env);
    ds = await openDataSource({ url: config.databaseUrl, timeouts: config.databaseTimeouts, replication: config.databaseReplicas });
    http = await startTestHttp({ url: config.databaseUrl, ds } as never, env, { ingestion: true });
  }, 60_000);

  afterAll(async () => {
    await http?.stop();
    if (ds?.isInitialized) await ds.destroy();
    await pair?.stop();
    rmSync(dirs, { recursive: true, force: true });
  });

  it('sends API reads to the replica and raw writes and transactions to the primary', async () => {
    expect(replicaState()).toBe('ok');
    expect(await codes(viewer)).toEqual(['AMBOS', 'SOLO-REPLICA']);
    const serverId = async (read: () => Promise<{ id: number }[]>) => Number((await read())[0]!.id);
    expect(await serverId(() => readQuery(ds, 'SELECT @@server_id AS id'))).toBe(pair.replica.serverId);
    expect(await serverId(() => ds.query('SELECT @@server_id AS id'))).toBe(pair.primary.serverId);
    expect(await serverId(() => onPrimary(() => readQuery(ds, 'SELECT @@server_id AS id')))).toBe(pair.primary.serverId);
    // Inside a transaction, even a read through the data source (not the transaction's manager) meets the primary.
    const inTx = await ds.transaction(async () => serverId(() => readQuery(ds, 'SELECT @@server_id AS id')));
    expect(inTx).toBe(pair.primary.serverId);
  });

  it('writes an upload to the primary and lets the uploader read its own writes there for the sticky window', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(path.join(__dirname, '../../ingestion/samples/03-reporte-cartagena-2024.xlsx'))]), 'r.xlsx');
    const up = await http.request('/uploads', { method: 'POST', headers: { authorization: `Bearer ${admin.secret}` }, body: form });
    expect(up.status).toBe(202);
    const [rows] = (await pair.primary.exec(`SELECT uploader FROM ${DB}.import_batches WHERE id = ${Number(up.body.batchId)}`)) as {
      uploader: string;
    }[][];
    expect(rows).toEqual([{ uploader: 'subidor' }]);
    // Right after its upload the uploader reads from the primary (no replica-only policy), and sees its batch;
    // another token still reads from the replica.
    expect(await codes(admin.secret)).toEqual(['AMBOS']);
    const batch = await http.gql(`{ importBatch(id: "${String(up.body.batchId)}") { id status } }`, { token: admin.secret });
    expect(batch.body.data.importBatch).toMatchObject({ id: String(up.body.batchId) });
    expect(await codes(viewer)).toEqual(['AMBOS', 'SOLO-REPLICA']);
    await new Promise((r) => setTimeout(r, STICKY_MS + 100));
    expect(await codes(admin.secret)).toEqual(['AMBOS', 'SOLO-REPLICA']);
  });

  it('a mutation runs on the primary and makes its token read from the primary afterwards', async () => {
    await pair.caughtUp();
    expect(await codes(admin.secret)).toEqual(['AMBOS', 'SOLO-REPLICA']);
    const res = await http.gql('mutation { publishCut(policyCode: "AMBOS", cut: "2024-06-30", title: "Corte de prueba") { id } }', {
      token: admin.secret,
    });
    expect(res.body.errors).toBeUndefined();
    const id = Number(res.body.data.publishCut.id);
    const [rows] = (await pair.primary.exec(`SELECT title FROM ${DB}.published_cuts WHERE id = ${id}`)) as { title: string }[][];
    expect(rows).toEqual([{ title: 'Corte de prueba' }]);
    expect(await codes(admin.secret)).toEqual(['AMBOS']);
    expect(await codes(viewer)).toEqual(['AMBOS', 'SOLO-REPLICA']);
  });

  it('reads fall back to the primary while the replica is behind, and come back once it catches up', async () => {
    await pair.replica.exec('STOP SLAVE SQL_THREAD');
    await until(() => replicaState() === 'lagging');
    expect(await codes(viewer)).toEqual(['AMBOS']);
    const ready = await http.request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.servers).toEqual([
      { role: 'primary', server: `127.0.0.1:${pair.primary.port}/${DB}`, state: 'ok' },
      expect.objectContaining({ role: 'replica', server: `127.0.0.1:${pair.replica.port}/${DB}`, state: 'lagging', lagSeconds: null }),
    ]);
    await pair.replica.exec('START SLAVE SQL_THREAD');
    await pair.caughtUp();
    await until(() => replicaState() === 'ok');
    expect(await codes(viewer)).toEqual(['AMBOS', 'SOLO-REPLICA']);
  });

  // This query is also answerable from the response cache (server/response-cache.plugin.ts): both caches are checked.
  it("the figures and response caches never keep a replica's older inputs under the primary's newer data version", async () => {
    const FIGURES = '{ policy(code: "AMBOS") { progress(cut: "2024-12-31", basis: SUBMITTED) { total { toDate { progress } } } } }';
    const figures = async (): Promise<number> => {
      const res = await http.gql(FIGURES, { token: viewer });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.policy.progress.total.toDate.progress as number;
    };
    // New goals and a new data version on the primary only (not in the binary log): the replica keeps
    // the old goals at the old version, as a replica that has not yet applied an import would.
    const diverge = [
      "UPDATE goals g JOIN products p ON p.id = g.product_id JOIN policies po ON po.id = p.policy_id SET g.value = g.value * 2 WHERE po.code = 'AMBOS'",
      "INSERT INTO policy_data_versions (policy_id, version, updated_at) SELECT id, 1000, CURRENT_TIMESTAMP(3) FROM policies WHERE code = 'AMBOS' ON DUPLICATE KEY UPDATE version = version + 1000",
    ];
    const before = await figures();
    await pair.primary.exec(`USE ${DB}`, 'SET SESSION sql_log_bin = 0', ...diverge);
    try {
      // Served by the replica: its own goals, cached under its own (older) version.
      const hits = http.services.responses.stats().hits;
      expect(await figures()).toBe(before);
      expect(http.services.responses.stats().hits).toBe(hits + 1); // the whole answer, from the response cache
      // The replica falls behind: the same question goes to the primary, which must compute with the new goals.
      await pair.replica.exec('STOP SLAVE SQL_THREAD');
      await until(() => replicaState() === 'lagging');
      const onPrimaryNow = await figures();
      expect(onPrimaryNow).not.toBe(before);
      const fresh = await onPrimary(async () => {
        const res = await http.gql(FIGURES, { token: viewer });
        return res.body.data.policy.progress.total.toDate.progress as number;
      });
      expect(onPrimaryNow).toBe(fresh);
    } finally {
      // The replica gets the same change directly, so both servers agree again for the next test.
      await pair.replica.exec(`USE ${DB}`, ...diverge);
      await pair.replica.exec('START SLAVE SQL_THREAD');
      await pair.caughtUp();
      await until(() => replicaState() === 'ok');
    }
  });

  it('counts a replica further behind than DATABASE_REPLICA_MAX_LAG_S as lagging', async () => {
    const strict = new ReplicaSet({ replicaUrls: [replicaUrl], maxLagSeconds: 1, checkIntervalMs: 100, stickyMs: 0 }, 1000);
    await strict.check();
    expect(strict.statuses()[0]).toMatchObject({ state: 'ok', lagSeconds: 0 });
    // A delayed replica: it receives the primary's events but applies them 60 s late, so its lag grows.
    await pair.replica.exec('STOP SLAVE', 'CHANGE MASTER TO MASTER_DELAY = 60', 'START SLAVE');
    try {
      await pair.primary.exec(`INSERT INTO ${DB}.sectors (name) VALUES ('Sector con retraso')`);
      const deadline = Date.now() + 8000;
      do {
        await new Promise((r) => setTimeout(r, 250));
        await strict.check();
      } while (strict.statuses()[0]!.state === 'ok' && Date.now() < deadline);
      const status = strict.statuses()[0]!;
      expect(status.state).toBe('lagging');
      expect(status.lagSeconds).toBeGreaterThan(1);
      expect(status.reason).toMatch(/behind/);
    } finally {
      await pair.replica.exec('STOP SLAVE', 'CHANGE MASTER TO MASTER_DELAY = 0', 'START SLAVE');
      strict.close();
    }
    await pair.caughtUp();
    await strict.check();
    expect(strict.statuses()[0]!.state).toBe('ok');
  });

  it('answers from the primary when the replica goes away, and /readyz says it is down', async () => {
    await pair.replica.kill();
    // At once, before the next check: the replica's connections are refused and the primary answers.
    expect(await codes(viewer)).toEqual(['AMBOS']);
    await until(() => replicaState() === 'down');
    expect(await codes(viewer)).toEqual(['AMBOS']);
    const ready = await http.request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.servers.map((s: { role: string; state: string }) => [s.role, s.state])).toEqual([
      ['primary', 'ok'],
      ['replica', 'down'],
    ]);
    expect(ready.text).not.toContain('clave-secreta-lector');
    expect(ready.text).not.toContain('lector@');
  });
});
