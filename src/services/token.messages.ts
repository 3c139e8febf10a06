/** Spanish wording of the token service's refusals (the CLI and the GraphQL mutations show these). */
/** The token service's refusals, as the office reads them. */
const SPANISH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Unknown role "(.*)": use ADMIN, ENTITY or VIEWER\.$/, (m) => `Rol desconocido «${m[1]}»: use ADMIN, ENTITY o VIEWER.`],
  [/^An ENTITY token needs --entity CODE/, () => 'Un token ENTITY necesita --entity CÓDIGO (la entidad por la que actúa).'],
  [/^No entity has the code "(.*)"\.$/, (m) => `Ninguna entidad tiene el código «${m[1]}».`],
  [/^A (\w+) token is not bound to an entity: remove --entity\.$/, (m) => `Un token ${m[1]} no se ata a una entidad: quite --entity.`],
  [/^The token name must not contain control characters\.$/, () => 'El nombre del token no puede tener caracteres de control.'],
  [
    /^Expiry must be a whole number of days between 1 and (\d+)\.$/,
    (m) => `El vencimiento debe ser un número entero de días entre 1 y ${m[1]}.`,
  ],
  [/^Give either an expiry date or a number of days, not both\.$/, () => 'Indique una fecha de vencimiento o un número de días, no ambos.'],
  [
    /^The expiry date must be in the future and at most (\d+) days ahead\.$/,
    (m) => `La fecha de vencimiento debe ser futura y a lo sumo ${m[1]} días desde hoy.`,
  ],
  [/^No token has the id (.*)\.$/, (m) => `Ningún token tiene el id ${m[1]}.`],
  [/^No token matches that secret\.$/, () => 'Ningún token corresponde a ese secreto.'],
  [/^No token has the prefix "(.*)"\.$/, (m) => `Ningún token tiene el prefijo «${m[1]}».`],
  [
    /^Several tokens share that prefix \(ids (.*)\): revoke by id\.$/,
    (m) => `Varios tokens comparten ese prefijo (ids ${m[1]}): revoque por id.`,
  ],
];

/** A TokenError's message in Spanish (unknown messages pass through). */
export function tokenErrorInSpanish(message: string): string {
  for (const [re, say] of SPANISH) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
}
