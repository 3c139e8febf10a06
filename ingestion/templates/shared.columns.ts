/** Column and sheet definitions shared by several templates. */
import { periodCodes } from '../../src/calculation/period-calendar';
import { EntityLevel, Periodicity } from '../../src/domain/enums';
import { CODE_LENGTH, ColumnDef, SHORT_TEXT, SheetDef } from './column.types';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Every period code of every periodicity (docs/calculation.md §1). */
export const ALL_PERIODS: readonly string[] = [...new Set(Object.values(Periodicity).flatMap((p) => periodCodes(p)))];

/** `M1` … `M9` accepted for `M01` … `M09`. */
export const PERIOD_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [`M${i + 1}`, `M0${i + 1}`]),
);

export const PERIODS_BY_PERIODICITY: Readonly<Record<Periodicity, readonly string[]>> = Object.fromEntries(
  Object.values(Periodicity).map((p) => [p, periodCodes(p)]),
) as unknown as Record<Periodicity, readonly string[]>;

export function yearColumn(key: string, header: string, required: boolean, meaning: string): ColumnDef {
  return {
    key,
    header,
    required,
    type: 'number',
    integer: true,
    min: MIN_YEAR,
    max: MAX_YEAR,
    meaning,
    format: 'Año con cuatro cifras.',
    example: '2024',
    width: 10,
  };
}

export function entityCodeColumn(key: string, header: string, required: boolean, meaning: string): ColumnDef {
  return {
    key,
    header,
    required,
    type: 'text',
    maxLength: CODE_LENGTH,
    meaning,
    format:
      'Código de una entidad ya registrada o incluida en la hoja Entidades. Escríbalo como texto para conservar los ceros a la izquierda (02).',
    example: '02',
    width: 16,
  };
}

export const ENTIDADES_SHEET: SheetDef = {
  name: 'Entidades',
  description:
    'Opcional. Crea o actualiza entidades. Todo código de entidad que use el libro debe existir ya en el sistema o estar en esta hoja.',
  optional: true,
  columns: [
    {
      key: 'code',
      header: 'Código entidad',
      required: true,
      type: 'text',
      maxLength: CODE_LENGTH,
      meaning: 'Código único de la entidad u organismo.',
      format: 'Texto; conserve los ceros a la izquierda.',
      example: '02',
      width: 16,
    },
    {
      key: 'name',
      header: 'Nombre',
      required: true,
      type: 'text',
      maxLength: SHORT_TEXT,
      meaning: 'Nombre completo de la entidad.',
      format: 'Texto.',
      example: 'Secretaría Distrital de Gobierno',
      width: 40,
    },
    {
      key: 'acronym',
      header: 'Sigla',
      required: false,
      type: 'text',
      maxLength: CODE_LENGTH,
      meaning: 'Sigla de la entidad.',
      format: 'Texto.',
      example: 'SDG',
      width: 10,
    },
    {
      key: 'sector',
      header: 'Sector',
      required: true,
      type: 'text',
      maxLength: SHORT_TEXT,
      meaning: 'Sector administrativo al que pertenece.',
      format: 'Texto; se crea si no existe.',
      example: 'Gobierno',
      width: 20,
    },
    {
      key: 'level',
      header: 'Nivel',
      required: false,
      type: 'enum',
      allowed: Object.values(EntityLevel),
      meaning: 'Nivel o naturaleza de la entidad.',
      format: 'Uno de los valores permitidos.',
      example: 'DISTRITAL',
      width: 16,
    },
  ],
};
