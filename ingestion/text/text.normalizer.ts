/** Text normalisation used for matching headers, sheet names, enumerations and people. Pure. */

/** Removes diacritics: `Código` → `Codigo`, `Año` → `Ano`. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Trims and collapses every run of white space (including non-breaking spaces) into one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Header / sheet-name key: case, accents and repeated spaces ignored, a trailing `*` (required
 * marker) removed. `codigo producto` and `Código  producto *` give the same key.
 */
export function headerKey(text: string): string {
  return collapseSpaces(
    stripAccents(text)
      .toLowerCase()
      .replace(/\*+\s*$/, ''),
  );
}

/** The last keys worked out: a column of a few values (periods, roles) is read row after row. */
const ENUM_KEYS = new Map<string, string>();
const ENUM_KEYS_KEPT = 4096;

/**
 * Enumeration key: accents removed, upper case, spaces, hyphens and underscores unified into `_`.
 * `Secretaría técnica` → `SECRETARIA_TECNICA`; `espacio-participación` → `ESPACIO_PARTICIPACION`.
 */
export function enumKey(text: string): string {
  let key = ENUM_KEYS.get(text);
  if (key === undefined) {
    key = stripAccents(text)
      .toUpperCase()
      .trim()
      .replace(/[\s_-]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (ENUM_KEYS.size >= ENUM_KEYS_KEPT) ENUM_KEYS.clear();
    ENUM_KEYS.set(text, key);
  }
  return key;
}

/**
 * A person's matching key within an entity: case, accents and repeated spaces ignored
 * (`Andres Idarraga` = `Andrés  Idárraga`).
 */
export function personKey(name: string): string {
  return collapseSpaces(stripAccents(name).toLowerCase());
}

/** Key of a person within an entity: `entityCode|personKey`. */
export function memberKey(entityCode: string, name: string): string {
  return `${entityCode}|${personKey(name)}`;
}

/** Capitalises the first letter (used when a message has no location prefix). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
