import { Cell } from '../xlsx/workbook.types';
import { cellAsText, isEmptyCell } from './cell.text';
import { fail, NumberValue, ok, Reading } from './reading.types';
import { q } from '../issues/issue.collector';

/** True when a number format shows the value as a percentage (`0%`, `0.00 %`). */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  const visible = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return visible.includes('%');
}

const ASK_NUMERIC =
  'escriba el número en una celda de tipo número, sin separador de miles, o como texto con una sola coma decimal (por ejemplo 24,35)';

/**
 * Parses number text: an optional sign, digits, and at most ONE decimal comma or point. Several
 * separators (`1.000.000`, `1,000.5`), inner spaces (`1 000`) or one separator followed by exactly
 * three digits after 1–3 digits other than a lone `0` (`1.000`, `2,500`: a thousand or one?) are
 * ambiguous. A trailing `%` marks a percentage (`45%` → 0.45, percent).
 */
export function parseNumberText(raw: string): Reading<NumberValue | null> {
  let text = raw.trim().replace(/\u2212/g, '-');
  if (text === '') return ok(null);
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  const signMatch = /^[+-]/.exec(text);
  const sign = signMatch?.[0] === '-' ? -1 : 1;
  const body = signMatch ? text.slice(1).trim() : text;
  const separators = (body.match(/[.,]/g) ?? []).length;
  const looksNumeric = /^[\d.,\s]+$/.test(body) && /\d/.test(body);
  if (looksNumeric && (separators > 1 || /\d\s+\d/.test(body))) {
    return fail(
      'NUMERO_AMBIGUO',
      `el número ${q(raw.trim())} es ambiguo: tiene separadores de miles o varios separadores y no se sabe cuál es el decimal; ${ASK_NUMERIC}`,
    );
  }
  const m = /^(\d*)(?:[.,](\d+))?$/.exec(body);
  if (!m || (m[1] === '' && m[2] === undefined)) {
    return fail('NUMERO_INVALIDO', `${q(raw.trim())} no es un número; ${ASK_NUMERIC}`);
  }
  const intPart = m[1] ?? '';
  const fraction = m[2];
  if (fraction !== undefined && fraction.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== '0') {
    return fail(
      'NUMERO_AMBIGUO',
      `el número ${q(raw.trim())} es ambiguo: no se sabe si el separador marca miles o decimales (¿mil o uno?); ${ASK_NUMERIC}`,
    );
  }
  const value = sign * Number(`${intPart || '0'}${fraction !== undefined ? `.${fraction}` : ''}`);
  return ok({ value: percent ? roundFloat(value / 100) : value, percent });
}

/** Removes binary noise from decimal arithmetic (0.45 * 100 = 45.00000000000001 → 45). */
export function roundFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/** Reads a number from a numeric cell or from number text. */
export function readNumber(cell: Cell | undefined): Reading<NumberValue | null> {
  if (isEmptyCell(cell) || !cell) return ok(null);
  switch (cell.type) {
    case 'number':
      if (!Number.isFinite(cell.value)) return fail('NUMERO_INVALIDO', `la celda no tiene un número válido; ${ASK_NUMERIC}`);
      return ok({ value: cell.value, percent: isPercentFormat(cell.format) });
    case 'string':
      return parseNumberText(cell.value);
    case 'date':
      return fail(
        'NUMERO_INVALIDO',
        `la celda tiene formato de fecha (${q(cellAsText(cell))}) y aquí va un número; cambie el formato de la celda a número y escriba el valor de nuevo`,
      );
    case 'boolean':
      return fail('NUMERO_INVALIDO', `${q(cellAsText(cell))} no es un número; ${ASK_NUMERIC}`);
    case 'error':
      return fail('NUMERO_INVALIDO', `la celda tiene el error ${q(cell.value)} de una fórmula; corrija la fórmula o escriba el número`);
  }
}
