import { ConfigError, loadConfig } from './config';
import { maskValue } from './config.variables';

/** DATABASE_REPLICA_URLS and its bounds: parsed, validated in Spanish, never printed with a password. */
describe('read replica configuration', () => {
  const base = { NODE_ENV: 'test', DATABASE_URL: 'mysql://root@127.0.0.1:3306/rumbo' };
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ ...base, ...env });
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };

  it('has no replicas by default and takes a comma-separated list', () => {
    expect(loadConfig(base).databaseReplicas).toEqual({ replicaUrls: [], maxLagSeconds: 5, checkIntervalMs: 1000, stickyMs: 10_000 });
    const config = loadConfig({
      ...base,
      DATABASE_REPLICA_URLS: ' mysql://r:x@10.0.0.2:3306/rumbo , mysql://r:x@10.0.0.3/rumbo',
      DATABASE_REPLICA_MAX_LAG_S: '30',
      DATABASE_REPLICA_STICKY_MS: '0',
    });
    expect(config.databaseReplicas.replicaUrls).toEqual(['mysql://r:x@10.0.0.2:3306/rumbo', 'mysql://r:x@10.0.0.3/rumbo']);
    expect(config.databaseReplicas.maxLagSeconds).toBe(30);
    expect(config.databaseReplicas.stickyMs).toBe(0);
  });

  it('names the bad element of the list in Spanish, without its password', () => {
    expect(problems({ DATABASE_REPLICA_URLS: 'mysql://r@h/rumbo,,postgres://r@h/rumbo,mysql://r@h,mysql://r:clave@[x/rumbo' })).toEqual([
      'DATABASE_REPLICA_URLS (elemento 2) está vacío: separe las URL con una sola coma, sin comas sobrantes',
      'DATABASE_REPLICA_URLS (elemento 3) debe empezar por mysql://; empieza por "postgres:"',
      'DATABASE_REPLICA_URLS (elemento 4) debe nombrar una base de datos, p. ej. mysql://root@127.0.0.1:3306/rumbo',
      'DATABASE_REPLICA_URLS (elemento 5) no es una URL válida: "mysql://r:***@[x/rumbo"',
    ]);
    expect(problems({ DATABASE_REPLICA_MAX_LAG_S: '-1', DATABASE_REPLICA_CHECK_MS: '10' })).toEqual([
      'DATABASE_REPLICA_MAX_LAG_S debe ser un número entero entre 0 y 86400; vale "-1"',
      'DATABASE_REPLICA_CHECK_MS debe ser un número entero entre 100 y 600000; vale "10"',
    ]);
  });

  it('masks every password of the list when printed', () => {
    expect(maskValue('DATABASE_REPLICA_URLS', 'mysql://r:uno@a/rumbo,mysql://r:dos@b/rumbo')).toBe(
      'mysql://r:***@a/rumbo,mysql://r:***@b/rumbo',
    );
  });
});
