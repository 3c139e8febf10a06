/** A report cannot be generated from what was asked: a Spanish message for the person and an HTTP status. */
export class ReportError extends Error {
  constructor(
    message: string,
    /** 400 bad input, 404 unknown policy or instance, 422 nothing to report in the range. */
    readonly status: 400 | 404 | 422,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a YYYY-MM-DD calendar date; `label` names it in the message ("el corte", "la fecha inicial"). */
export function checkIsoDate(value: string | null | undefined, label: string, flag: string): string {
  if (value == null || value === '') throw new ReportError(`Falta ${label}: indique ${flag} AAAA-MM-DD.`, 400);
  const m = ISO.exec(value);
  const valid =
    m &&
    (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
    })();
  if (!valid)
    throw new ReportError(`${capitalizeFirst(label)} «${value}» no es una fecha válida: use AAAA-MM-DD (por ejemplo 2022-06-30).`, 400);
  return value;
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
