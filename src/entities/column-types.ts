import { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back from mysql2 as strings; expose them as numbers. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/**
 * Values, goals, baselines, final goals and weights: DOUBLE (IEEE 754 binary64), the very type a
 * workbook cell holds, so what is read back is the same double the cell had (1/28 stays 1/28; a
 * DECIMAL(20,6) made 28 weights of 1/28 add up to 0.999991). mysql2 returns DOUBLE as a JS number on
 * MySQL 8 and MariaDB; the transformer only guards against a driver configured to return strings.
 */
export const VALUE_DOUBLE = { type: 'double' as const, transformer: decimalTransformer };
/** Fractions typed by hand with a few decimals (thresholds, quorum rule): DECIMAL(10,6). */
export const FRACTION_DECIMAL = { type: 'decimal' as const, precision: 10, scale: 6, transformer: decimalTransformer };

/** Comma-joined list of codes in a VARCHAR ('' = none), exposed as a string array. */
export const codeListTransformer: ValueTransformer = {
  to: (value: readonly string[] | null | undefined) => (value ?? []).join(','),
  from: (value: string | null) => (value ? value.split(',').filter((v) => v !== '') : []),
};

/** Period codes: ANUAL, S1, C3, T4, B6, M12, BIENIO … QUINQUENIO ('' = whole-year goal). */
export const PERIOD_LENGTH = 12;
