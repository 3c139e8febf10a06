import pino, { Logger } from 'pino';
import { AppConfig } from '../config/config';

/** JSON logs on stdout (pino). */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'rumbo' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
