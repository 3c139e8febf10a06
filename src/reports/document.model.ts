/**
 * A small, library-neutral model of a report document: the report builders produce it, the docx adapter
 * (adapters/docx.adapter.ts) writes it. Tests and builders never touch the docx library directly.
 */

/** A run of text with its own formatting. */
export interface TextSpan {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Hex colour without '#', e.g. 'D93025'. */
  color?: string;
  /** Font size in points (default: the paragraph's). */
  sizePt?: number;
}

export type Inline = string | TextSpan;

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TableCell {
  content: Inline[];
  /** Background, hex without '#'. */
  fill?: string;
  align?: Align;
  bold?: boolean;
  colSpan?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the text width, 0-100 (the columns add up to 100). */
  widthPct: number;
  align?: Align;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; content: Inline[]; align?: Align; style?: 'normal' | 'caption' | 'source' | 'note' }
  | { kind: 'list'; items: Inline[][]; numbered?: boolean }
  | {
      kind: 'image';
      png: Buffer;
      /** Size on the page, in CSS pixels (96 per inch). */
      width: number;
      height: number;
      /** Alternative text (accessibility; also how tests find each chart). */
      title: string;
      description: string;
    }
  | { kind: 'table'; columns: TableColumn[]; rows: TableCell[][]; fontSizePt?: number; repeatHeader?: boolean }
  | { kind: 'pageBreak' };

export interface DocumentSection {
  landscape?: boolean;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subject?: string;
  /** Shown in the document properties. */
  creator: string;
  /** Text of the page footer, next to the page number. */
  footer?: string;
  sections: DocumentSection[];
}

/** The plain text of inline content (for tests and alt texts). */
export function inlineText(content: readonly Inline[]): string {
  return content.map((c) => (typeof c === 'string' ? c : c.text)).join('');
}
