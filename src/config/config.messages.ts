/**
 * Messages of the configuration, in Spanish (the default) and English (`RUMBO_LANG=en`, for operators who
 * share an error with a vendor). One catalogue, so every message exists in both languages.
 */

export type Lang = 'es' | 'en';

export const LANGS: readonly Lang[] = ['es', 'en'];

interface ConfigMessages {
  header: string;
  /** How a variable that came from the .env file is named in a message. */
  fromFile: (name: string, file: string) => string;
  bool: (name: string, raw: string) => string;
  integer: (name: string, min: number, max: number, raw: string) => string;
  oneOf: (name: string, allowed: readonly string[], raw: string) => string;
  urlScheme: (name: string, protocol: string) => string;
  urlDatabase: (name: string) => string;
  urlInvalid: (name: string, raw: string) => string;
  timeZone: (name: string, raw: string) => string;
  envFileUnreadable: (file: string, reason: string) => string;
  staleAfter: (name: string, value: number, heartbeatName: string, heartbeat: number) => string;
  /** How one element of a comma-separated list is named: "DATABASE_REPLICA_URLS (elemento 2)". */
  listItem: (name: string, position: number) => string;
  listEmpty: (name: string) => string;
}

export const CONFIG_MESSAGES: Record<Lang, ConfigMessages> = {
  es: {
    header: 'Configuración no válida:',
    fromFile: (name, file) => `${name} (en ${file})`,
    bool: (name, raw) => `${name} debe ser true o false (también sí/no, 1/0); vale "${raw}"`,
    integer: (name, min, max, raw) => `${name} debe ser un número entero entre ${min} y ${max}; vale "${raw}"`,
    oneOf: (name, allowed, raw) => `${name} debe ser uno de ${allowed.join(', ')}; vale "${raw}"`,
    urlScheme: (name, protocol) => `${name} debe empezar por mysql://; empieza por "${protocol}"`,
    urlDatabase: (name) => `${name} debe nombrar una base de datos, p. ej. mysql://root@127.0.0.1:3306/rumbo`,
    urlInvalid: (name, raw) => `${name} no es una URL válida: "${raw}"`,
    timeZone: (name, raw) => `${name} debe ser una zona horaria IANA como America/Bogota; vale "${raw}"`,
    envFileUnreadable: (file, reason) => `no se pudo leer el archivo de configuración ${file}: ${reason}`,
    staleAfter: (name, value, hbName, hb) =>
      `${name} (${value}) debe ser al menos tres veces ${hbName} (${hb}); si no, los trabajadores vivos pierden sus lotes`,
    listItem: (name, position) => `${name} (elemento ${position})`,
    listEmpty: (name) => `${name} está vacío: separe las URL con una sola coma, sin comas sobrantes`,
  },
  en: {
    header: 'Invalid configuration:',
    fromFile: (name, file) => `${name} (in ${file})`,
    bool: (name, raw) => `${name} must be true or false (also yes/no, 1/0), got "${raw}"`,
    integer: (name, min, max, raw) => `${name} must be an integer between ${min} and ${max}, got "${raw}"`,
    oneOf: (name, allowed, raw) => `${name} must be one of ${allowed.join(', ')}, got "${raw}"`,
    urlScheme: (name, protocol) => `${name} must start with mysql://, got "${protocol}"`,
    urlDatabase: (name) => `${name} must name a database, e.g. mysql://root@127.0.0.1:3306/rumbo`,
    urlInvalid: (name, raw) => `${name} is not a valid URL: "${raw}"`,
    timeZone: (name, raw) => `${name} must be an IANA time zone such as America/Bogota, got "${raw}"`,
    envFileUnreadable: (file, reason) => `could not read the configuration file ${file}: ${reason}`,
    staleAfter: (name, value, hbName, hb) =>
      `${name} (${value}) must be at least three times ${hbName} (${hb}), or live workers lose their batches`,
    listItem: (name, position) => `${name} (item ${position})`,
    listEmpty: (name) => `${name} is empty: separate the URLs with single commas, no trailing comma`,
  },
};

/** The language of an environment: `RUMBO_LANG=en` (or `en_US`, `EN`…) → English; anything else Spanish. */
export function langOf(env: Record<string, string | undefined>): Lang {
  return /^en\b|^en[_-]/i.test((env.RUMBO_LANG ?? '').trim()) ? 'en' : 'es';
}

/** The language of this process's operator-facing messages (`RUMBO_LANG`). */
export function currentLang(): Lang {
  return langOf(process.env);
}
