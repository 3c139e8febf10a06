import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { openDataSource } from '../../src/database/data-source';
import { createLogger } from '../../src/server/logger';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker, isConnectionError } from '../../ingestion/worker/import.worker';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** A TCP proxy in front of the database that can be cut and restored, to play a database going away. */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('a worker whose database goes away', () => {
  let db: TestDatabase;
  let proxy: CuttableProxy;
  let viaProxy: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('outage');
    const h = createHarness(db);
    expect((await h.importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(ImportStatus.IMPORTED);
    const u = new URL(db.url);
    proxy = new CuttableProxy({ host: u.hostname, port: Number(u.port || 3306) });
    await proxy.open();
    u.hostname = '127.0.0.1';
    u.port = String(proxy.port);
    viaProxy = await openDataSource({ url: u.toString(), migrations: MIGRATIONS, poolSize: 2 });
  });
  afterAll(async () => {
    if (viaProxy?.isInitialized) await viaProxy.destroy();
    await proxy.cut();
    await db.drop();
  });

  it('retries with backoff and imports the waiting file once the database is back', async () => {
    const layout = createHarness(db).layout;
    const worker = new ImportWorker({ ds: viaProxy, logger: createLogger({ logLevel: 'silent' }), layout, cron: '0 0 1 1 *' });
    await proxy.cut();
    await fs.writeFile(path.join(layout.inbox, 'reporte.xlsx'), workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }));

    // The pass fails on the connection and schedules a retry (1 s, then 2 s…); the file stays in the inbox.
    expect(await worker.tick()).toBe(0);
    expect(await fs.readdir(layout.inbox)).toContain('reporte.xlsx');

    await proxy.open(); // the database is back on the same address
    const deadline = Date.now() + 15_000;
    let batches: ImportBatchRecord[] = [];
    while (Date.now() < deadline) {
      batches = await db.ds.getRepository(ImportBatchRecord).findBy({ uploader: 'inbox' });
      if (batches.some((b) => b.status === ImportStatus.IMPORTED)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await worker.stop();
    expect(batches.map((b) => b.status)).toEqual([ImportStatus.IMPORTED]);
  });

  it('tells connection errors from others', () => {
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(new Error('Connection lost: The server closed the connection.'))).toBe(true);
    expect(isConnectionError(new Error('Duplicate entry'))).toBe(false);
  });
});
