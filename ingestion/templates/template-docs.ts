/**
 * The column reference of docs/plantillas.md, generated from the template definitions (the same ones that
 * write the templates and drive the parser), so the document cannot drift from what is imported.
 * `npm run docs:emit` rewrites the section between the markers; a test checks it is current.
 */
import { ColumnDef, SheetDef, TemplateDef } from './column.types';
import { KIND_SHEETS, TEMPLATES } from './template.registry';

export const DOCS_BEGIN = '<!-- columnas: generado por `npm run docs:emit` desde ingestion/templates; no editar a mano -->';
export const DOCS_END = '<!-- fin de columnas -->';

const TYPE_ES: Record<ColumnDef['type'], string> = {
  text: 'texto',
  number: 'número',
  date: 'fecha',
  time: 'hora',
  boolean: 'sí/no',
  enum: 'lista de valores',
  list: 'lista',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function typeOf(c: ColumnDef): string {
  const parts = [TYPE_ES[c.type]];
  if (c.type === 'number' && c.integer) parts[0] = 'número entero';
  if (c.min !== undefined && c.max !== undefined) parts.push(`de ${c.min} a ${c.max}`);
  else if (c.min !== undefined) parts.push(`≥ ${c.min}`);
  if (c.acceptsNd) parts.push('o `ND`');
  if (c.maxLength) parts.push(`hasta ${c.maxLength} caracteres`);
  return parts.join(', ');
}

function sheetSection(s: SheetDef): string[] {
  const rules = [s.optional ? 'opcional' : 'obligatoria'];
  if (s.singleRow) rules.push('una sola fila de datos');
  else if (s.requiresRows) rules.push('al menos una fila de datos');
  const lines = [`#### Hoja «${s.name}» (${rules.join('; ')})`, '', s.description, ''];
  lines.push('| columna | obligatoria | tipo | qué es | cómo se escribe | ejemplo |', '| --- | --- | --- | --- | --- | --- |');
  for (const c of s.columns) {
    const allowed = c.allowed?.length ? ` Valores: ${c.allowed.map((v) => `\`${v}\``).join(', ')}.` : '';
    const aliases =
      c.aliases && Object.keys(c.aliases).length
        ? ` También: ${Object.keys(c.aliases)
            .map((a) => `\`${a}\``)
            .join(', ')}.`
        : '';
    lines.push(
      `| ${cell(c.header)} | ${c.required ? 'sí' : 'no'} | ${cell(typeOf(c))} | ${cell(c.meaning)} | ${cell(c.format + allowed + aliases)} | ${c.example ? `\`${cell(c.example)}\`` : ''} |`,
    );
  }
  lines.push('');
  return lines;
}

function templateSection(t: TemplateDef): string[] {
  const lines = [`### ${t.kind} — ${t.title}`, '', t.description, '', `Se reconoce por la hoja «${KIND_SHEETS[t.kind]}».`, ''];
  for (const s of t.sheets) lines.push(...sheetSection(s));
  for (const note of t.notes ?? []) lines.push(note, '');
  return lines;
}

/** The generated section, markers included (not yet formatted by Prettier). */
export function templateDocsSection(): string {
  return [DOCS_BEGIN, '', ...Object.values(TEMPLATES).flatMap(templateSection), DOCS_END].join('\n');
}

/** `doc` with its generated section replaced. */
export function withTemplateDocs(doc: string, section: string): string {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin) throw new Error('docs/plantillas.md has no generated-section markers');
  return doc.slice(0, begin) + section + doc.slice(end + DOCS_END.length);
}
