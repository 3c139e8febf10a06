/**
 * Typed access to scripts/db-bootstrap.js (plain JavaScript, so that `npm test` and CI can run it before
 * anything is built). Loaded only when a command needs the database.
 */
import path from 'node:path';
import { projectRoot } from './project-root';

export interface LocalServerStatus {
  /** Folder of the project-local MariaDB's files (data, socket, pid file, log). */
  dataRoot: string;
  dataDir: string;
  initialised: boolean;
  /** Bytes under dataDir. */
  sizeBytes: number;
  pid: number | null;
  port: number | null;
  errorLog: string;
}

export interface ServerResolution {
  url: string;
  started: boolean;
  local: boolean;
}

export interface DbBootstrap {
  ensureDatabaseServer(options?: { log?: (message: string) => void; quiet?: boolean }): Promise<ServerResolution>;
  createDatabase(url: string): Promise<void>;
  dropDatabase(url: string): Promise<void>;
  /** What `rumbo db status` reports; never starts anything. */
  databaseStatus(): Promise<{
    explicit: boolean;
    url: string;
    reachable: boolean;
    message: string | null;
    local: LocalServerStatus;
  }>;
  /** Stops the project-local MariaDB; false when none was running. */
  stopLocalServer(options?: { log?: (message: string) => void }): Promise<boolean>;
  redact(url: string): string;
  /** Expected failures (their message is for the operator). */
  BootstrapError: new (message: string) => Error;
}

let loaded: DbBootstrap | null = null;

export function dbBootstrap(): DbBootstrap {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(projectRoot(), 'scripts', 'db-bootstrap.js')) as DbBootstrap;
  return loaded;
}
