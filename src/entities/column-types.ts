import { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back from mysql2 as strings; expose them as numbers (never floats in storage). */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** Precision used for goals, reported values and baselines: 20 digits, 6 decimals. */
export const VALUE_DECIMAL = { type: 'decimal' as const, precision: 20, scale: 6, transformer: decimalTransformer };
/** Precision used for fractions stored in the database (weights, thresholds, quorum rule). */
export const FRACTION_DECIMAL = { type: 'decimal' as const, precision: 10, scale: 6, transformer: decimalTransformer };
