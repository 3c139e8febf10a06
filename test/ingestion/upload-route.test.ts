import { existsSync, mkdtempSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportKind, ImportStatus } from '../../src/domain/enums';
import { ImportBatchRecord } from '../../src/entities';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/server/logger';
import { createSecurityServices } from '../../src/services/token.service';
import { Role } from '../../src/services/viewer';
import { planObjects, REPORTS } from '../../ingestion/test-support/plan.fixture';
import { workbookOf } from '../../ingestion/test-support/workbook.builder';
import { ImportWorker } from '../../ingestion/worker/import.worker';
import { inboxLayout } from '../../ingestion/worker/inbox.scanner';
import { createHarness } from '../support/ingestion-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { HttpResult, startTestHttp } from '../support/test-http';

const HOSTILE_DIR = path.join(__dirname, '..', 'fixtures', 'hostile');
const corpus = readdirSync(HOSTILE_DIR).filter((f) => f !== 'README.md');

/** Files the content check refuses at once (415); every other corpus file is accepted (202) and judged by the worker. */
const NOT_WORKBOOK_CONTENT = [
  'empty.xlsx',
  'truncated.xlsx', // cut before the parts that name it a workbook
  'renamed-png.xlsx',
  'renamed-elf.xls',
  'invalid-utf8.csv',
  'utf16.csv',
  'graphql-deep.graphql',
  'graphql-aliases.graphql',
];

describe('POST /uploads with hostile files', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof startTestHttp>>;
  let small: Awaited<ReturnType<typeof startTestHttp>>;
  let admin: string;
  const dirs = mkdtempSync(path.join(tmpdir(), 'rumbo-uploads-'));
  const env = { STORAGE_DIR: path.join(dirs, 'storage'), INBOX_DIR: path.join(dirs, 'inbox') };

  const upload = (server: typeof api, bytes: Buffer, name: string): Promise<HttpResult> => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return server.request('/uploads', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  };
  const batch = (id: string) => db.ds.getRepository(ImportBatchRecord).findOneByOrFail({ id: Number(id) });

  beforeAll(async () => {
    db = await createTestDatabase('upload_route');
    expect((await createHarness(db).importBytes(workbookOf(ImportKind.PLAN, planObjects()), 'plan.xlsx')).status).toBe(
      ImportStatus.IMPORTED,
    );
    admin = (await createSecurityServices(db.ds).tokens.create({ role: Role.ADMIN, createdBy: 'test' })).secret;
    api = await startTestHttp(db, env, { ingestion: true });
    small = await startTestHttp(db, { ...env, UPLOAD_MAX_BYTES: String(100 * 1024) }, { ingestion: true });
  });
  afterAll(async () => {
    await api?.stop();
    await small?.stop();
    await db.drop();
    await fs.rm(dirs, { recursive: true, force: true });
  });

  it('refuses by content what is not a workbook (415 with a JSON error), stores nothing of it, and accepts the rest (202)', async () => {
    const accepted: string[] = [];
    for (const file of corpus) {
      const res = await upload(api, readFileSync(path.join(HOSTILE_DIR, file)), file);
      if (file.endsWith('.csv') && NOT_WORKBOOK_CONTENT.includes(file)) {
        expect({ file, status: res.status, body: res.body }).toEqual({
          file,
          status: 415,
          body: {
            error: 'El archivo CSV debe estar codificado en UTF-8: en Excel use «Guardar como» → «CSV UTF-8 (delimitado por comas)».',
            code: 'UNSUPPORTED_MEDIA_TYPE',
          },
        });
      } else if (NOT_WORKBOOK_CONTENT.includes(file)) {
        expect({ file, status: res.status, body: res.body }).toEqual({
          file,
          status: 415,
          body: {
            error: 'El archivo no es un libro .xlsx, .xls, .ods ni .csv (se revisa el contenido, no la extensión).',
            code: 'UNSUPPORTED_MEDIA_TYPE',
          },
        });
      } else {
        expect({ file, status: res.status, pending: res.body.status }).toEqual({ file, status: 202, pending: ImportStatus.PENDING });
        accepted.push(res.body.batchId as string);
      }
    }
    expect(readdirSync(env.STORAGE_DIR)).toHaveLength(accepted.length);

    // A valid workbook sent after them, and one worker for all: each accepted hostile file ends refused or
    // harmlessly imported, and the valid one is imported.
    const valid = await upload(api, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS }), 'reporte válido.xlsx');
    expect(valid.status).toBe(202);
    const config = loadConfig({ ...env, IMPORT_PARSE_MAX_MEMORY_MB: '128' });
    const worker = new ImportWorker({
      ds: db.ds,
      logger: createLogger({ logLevel: 'silent' }),
      layout: inboxLayout(config.inboxDir, config.storageDir),
      cron: '0 0 1 1 *',
      limits: config.importLimits,
      sandbox: config.parseSandbox,
    });
    try {
      expect(await worker.runOnce()).toBe(accepted.length + 1);
    } finally {
      await worker.stop();
    }
    for (const id of accepted) expect([ImportStatus.REJECTED, ImportStatus.IMPORTED]).toContain((await batch(id)).status);
    expect((await batch(valid.body.batchId)).status).toBe(ImportStatus.IMPORTED);
  });

  it('refuses a file above the size limit with 413 and a JSON error, storing nothing', async () => {
    const before = readdirSync(env.STORAGE_DIR).length;
    const res = await upload(small, readFileSync(path.join(HOSTILE_DIR, 'million-rows.xlsx')), 'million-rows.xlsx');
    expect({ status: res.status, body: res.body }).toEqual({
      status: 413,
      body: { error: 'El archivo supera el tamaño máximo de 100 KB.', code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(readdirSync(env.STORAGE_DIR)).toHaveLength(before);
    expect((await upload(small, workbookOf(ImportKind.REPORTE, { Reporte: REPORTS.slice(0, 2) }), 'r.xlsx')).status).toBe(202);
  });

  it('never uses the uploaded name as a path: the file lands under a generated name inside storage', async () => {
    const storage = path.resolve(env.STORAGE_DIR);
    const names = [
      '../../../../etc/rumbo-evil.xlsx',
      '/tmp/rumbo-absolute.xlsx',
      '..\\..\\windows\\rumbo-evil.xlsx',
      'a/../../b.xlsx',
      '..',
      '.hidden.xlsx',
    ];
    for (const name of names) {
      const bytes = workbookOf(ImportKind.REPORTE, { Reporte: REPORTS.map((r) => ({ ...r, reportedBy: name })) });
      const res = await upload(api, bytes, name);
      expect({ name, status: res.status }).toEqual({ name, status: 202 });
      const stored = await batch(res.body.batchId);
      expect(path.dirname(path.resolve(stored.storagePath!))).toBe(storage);
      expect(path.basename(stored.storagePath!)).toMatch(/^[0-9a-f-]{36}(\.xlsx)?$/);
      expect(stored.fileName).toMatch(/^[\p{L}\p{N}._ -]+$/u); // no separators, no control characters
      expect(res.body.fileName).toBe(stored.fileName);
    }
    expect(existsSync('/tmp/rumbo-absolute.xlsx')).toBe(false);
    expect(existsSync(path.join(storage, '..', 'b.xlsx'))).toBe(false);
    expect(readdirSync(path.dirname(storage)).filter((f) => f !== 'storage' && f !== 'inbox')).toEqual([]);
  });
});
