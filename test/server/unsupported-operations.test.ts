import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { OperationTypeNode } from 'graphql';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createApp } from '../../src/server/app';
import { createServices } from '../../src/services';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const OPERATION_TYPES = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION];

describe('operation types the schema does not define', () => {
  let db: TestDatabase;
  let base: string;
  let stop: () => Promise<void>;
  const logs: { level: number; msg: string; err?: { stack?: string } }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('unsupported_ops');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PUBLIC_READ: 'true' });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const running = await createApp({ config, services: createServices(db.ds, config), logger: pino({ level: 'trace' }, sink) });
    await new Promise<void>((resolve) => running.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(running.httpServer.address() as AddressInfo).port}`;
    stop = () => running.apollo.stop();
  });
  afterAll(async () => {
    await stop?.();
    await db.drop();
  });

  const post = async (query: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
    };
  };

  it('refuses each of them as a client error (400, OPERATION_NOT_SUPPORTED) without an error-level log', async () => {
    const schema = await buildAppSchema();
    const unsupported = OPERATION_TYPES.filter((op) => !schema.getRootType(op));
    // Today only `query` exists; once mutations exist, `mutation` moves to the supported side on its own.
    expect(unsupported).toContain(OperationTypeNode.SUBSCRIPTION);
    for (const op of unsupported) {
      logs.length = 0;
      for (const query of [`${op} { __typename }`, `${op} Named { __typename }`]) {
        const res = await post(query);
        expect({ op, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({
          op,
          status: 400,
          code: 'OPERATION_NOT_SUPPORTED',
        });
        expect(res.body.errors?.[0]?.message).toBe(`This API does not support ${op} operations.`);
        expect(res.body.data).toBeUndefined();
      }
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);
      expect(JSON.stringify(logs)).not.toMatch(/\n\s+at /);
    }
  });

  it('still answers the operation types it defines', async () => {
    const schema = await buildAppSchema();
    for (const op of [OperationTypeNode.QUERY, OperationTypeNode.MUTATION].filter((o) => schema.getRootType(o))) {
      const res = await post(`${op} { __typename }`);
      expect(res).toEqual({ status: 200, body: { data: { __typename: schema.getRootType(op)!.name } } });
    }
  });
});
