/** The small pieces of the /claves form that are worth a table test (no figure: dates and a link). */

/** `YYYY-MM-DD` a number of days after `from`, in Bogotá: the default expiry of a new key. */
export function addDays(from: Date, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(from.getTime() + days * 86_400_000),
  );
}

/** The last second of a date in Bogotá (UTC−5 all year): a key "valid until 31/12" works all that day. */
export function endOfDayInBogota(date: string): string {
  return new Date(`${date}T23:59:59-05:00`).toISOString();
}

/** The sign-in link to send: the key goes in the fragment, so it never reaches the server or its logs. */
export function signInLink(origin: string, secret: string): string {
  return `${origin}/ingresar#clave=${encodeURIComponent(secret)}`;
}
