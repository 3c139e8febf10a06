import { readFileSync } from 'node:fs';
import { defaultWordingPath, Wording, WordingError } from './wording';
import { WORDING_SCHEMA } from './wording.schema';

const shipped = readFileSync(defaultWordingPath(), 'utf8');

/** The shipped file with one text replaced. */
function withText(key: string, text: string): string {
  const re = new RegExp(`(\\[${key.replace(/\./g, '\\.')}\\]\\n)([\\s\\S]*?)(?=\\n\\[|\\n# |$)`);
  expect(re.test(shipped)).toBe(true);
  return shipped.replace(re, `$1${text}\n`);
}

function problemsOf(text: string): string[] {
  try {
    Wording.parse(text, 'textos.txt');
  } catch (err) {
    expect(err).toBeInstanceOf(WordingError);
    return (err as WordingError).problems;
  }
  throw new Error('expected a WordingError');
}

describe('the wording file', () => {
  it('ships every text with its placeholders', () => {
    const w = Wording.parse(shipped);
    for (const key of Object.keys(WORDING_SCHEMA))
      expect(() => w.paragraphs(key as never, new Proxy({}, { get: () => 'x' }))).not.toThrow();
  });

  it('fills placeholders and keeps paragraphs', () => {
    const w = Wording.parse(shipped);
    expect(w.text('objetivo.negativa', { numero: 2, brecha: '2,0%' })).toBe('El objetivo 2 presenta una brecha negativa de 2,0%.');
    expect(w.paragraphs('metodo', {})).toHaveLength(2);
  });

  it.each([
    [
      'a missing placeholder',
      withText('acumulado.positiva', 'El avance alcanzó un {avance} con corte a {corte}; la brecha es positiva de {brecha}.'),
      /al texto \[acumulado\.positiva\] le falta el marcador \{ideal\}/,
    ],
    [
      'an unknown placeholder',
      withText('objetivo.negativa', 'El objetivo {numero} presenta una brecha negativa de {brecha} ({avanze}).'),
      /\[objetivo\.negativa\] usa el marcador \{avanze\}, que no existe aquí \(puede usar: \{numero\}, \{brecha\}\)/,
    ],
    ['a missing text', shipped.replace(/\[metodo\]\n/, '[metodos]\n'), /falta el texto \[metodo\]/],
    ['an unknown text', shipped.replace(/\[metodo\]\n/, '[metodos]\n'), /Rumbo no usa ningún texto llamado \[metodos\]/],
    ['an empty text', withText('grafico1.titulo', ''), /el texto \[grafico1\.titulo\] está vacío/],
    ['an unclosed brace', withText('objetivo.sin_brecha', 'El objetivo {numero} no presenta brecha {.'), /llave \{ o \} sin cerrar/],
    ['a repeated text', `${shipped}\n[metodo]\nOtro.\n`, /el texto \[metodo\] aparece dos veces/],
  ])('refuses %s with a clear Spanish message and its line', (_name, text, message) => {
    const problems = problemsOf(text);
    expect(problems.some((p) => message.test(p))).toBe(true);
    for (const p of problems) expect(p).toMatch(/^(línea \d+: |falta el texto)/);
  });

  it('names the file and counts the problems in its message', () => {
    expect(() => Wording.parse(withText('portada.corte', 'Corte'), 'mis-textos.txt')).toThrow(
      /El archivo de textos mis-textos.txt tiene un problema:\n- línea \d+: al texto \[portada\.corte\] le falta el marcador \{corte\}/,
    );
  });

  it('says so when the file cannot be read', () => {
    expect(() => Wording.load('/no/existe/textos.txt')).toThrow(/no se pudo leer el archivo \(ENOENT\)/);
  });
});
