/**
 * The Word writer (one adapter file for the `docx` package): turns a ReportDocument into .docx bytes that
 * Word and LibreOffice open and edit. Text is Arial (LibreOffice uses the metric-compatible Liberation Sans).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Align, Block, Inline, ReportDocument, TableCell as ModelCell } from '../document.model';

const FONT = 'Arial';
/** Letter paper, 2,5 cm margins, in twentieths of a point. */
const PAGE = { width: 12240, height: 15840, margin: 1418 };
const ACCENT = '1F4E79';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function runs(content: readonly Inline[], base: { size?: number; bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  return content.map((c) =>
    typeof c === 'string'
      ? new TextRun({ text: c, ...base })
      : new TextRun({
          text: c.text,
          ...base,
          bold: c.bold ?? base.bold,
          italics: c.italic ?? base.italics,
          color: c.color ?? base.color,
          size: c.sizePt ? Math.round(c.sizePt * 2) : base.size,
        }),
  );
}

function textWidth(landscape: boolean): number {
  return (landscape ? PAGE.height : PAGE.width) - 2 * PAGE.margin;
}

function cell(c: ModelCell, width: number, sizeHalfPt: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: c.colSpan,
    shading: c.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: c.fill } : undefined,
    children: [
      new Paragraph({
        style: 'TableText',
        alignment: c.align && c.align !== 'left' ? ALIGN[c.align] : undefined,
        children: runs(c.content, { size: sizeHalfPt, bold: (c.bold ?? header) || undefined }),
      }),
    ],
  });
}

function table(block: Extract<Block, { kind: 'table' }>, landscape: boolean): Table {
  const total = textWidth(landscape);
  const widths = block.columns.map((c) => Math.round((total * c.widthPct) / 100));
  const size = Math.round((block.fontSizePt ?? 9) * 2);
  const header = new TableRow({
    tableHeader: block.repeatHeader ?? true,
    children: block.columns.map((c, i) =>
      cell({ content: [c.header], fill: 'D9E2F3', align: c.align ?? 'left', bold: true }, widths[i]!, size, true),
    ),
  });
  const rows = block.rows.map((r) => {
    let col = 0;
    return new TableRow({
      cantSplit: true,
      children: r.map((c) => {
        const span = c.colSpan ?? 1;
        const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        const align = c.align ?? block.columns[col]?.align;
        col += span;
        return cell({ ...c, align }, w, size, false);
      }),
    });
  });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '9E9E9E' };
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
}

function blockToDocx(block: Block, landscape: boolean): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ style: 'Title', alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] })];
    case 'subtitle':
      return [new Paragraph({ style: 'Subtitle', alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] })];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph': {
      const style = block.style ?? 'normal';
      const styleId = { normal: undefined, caption: 'ChartCaption', source: 'ChartSource', note: 'Note' }[style];
      return [
        new Paragraph({
          style: styleId,
          keepNext: style === 'caption',
          alignment: ALIGN[block.align ?? (style === 'normal' ? 'justify' : style === 'note' ? 'justify' : 'center')],
          children: runs(block.content),
        }),
      ];
    }
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference: block.numbered ? 'numbered' : 'bullets', level: 0 },
            alignment: AlignmentType.JUSTIFIED,
            children: runs(item),
          }),
      );
    case 'image': {
      const image = new ImageRun({
        type: 'png',
        data: block.png,
        transformation: { width: block.width, height: block.height },
        altText: { name: block.title, title: block.title, description: block.description },
      });
      return [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [image as ParagraphChild] })];
    }
    case 'table':
      return [table(block, landscape), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Writes the document as .docx bytes. */
export async function writeDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.creator,
    description: doc.subject,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
      },
      paragraphStyles: [
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 36, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 24, color: '404040' },
          paragraph: { spacing: { before: 60, after: 60 } },
        },
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 26, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 23, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        {
          id: 'ChartCaption',
          name: 'Título de gráfico',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20, bold: true },
          paragraph: { spacing: { before: 200, after: 60 } },
        },
        {
          id: 'ChartSource',
          name: 'Fuente de gráfico',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 17, italics: true, color: '595959' },
          paragraph: { spacing: { before: 40, after: 200 } },
        },
        { id: 'TableText', name: 'Texto de tabla', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 0 } } },
        { id: 'Note', name: 'Nota', basedOn: 'Normal', next: 'Normal', run: { size: 18, italics: true, color: '404040' } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: 'numbered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: doc.sections.map((s) => ({
      properties: {
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [
                new TextRun({ text: doc.footer ? `${doc.footer} · Página ` : 'Página ', size: 16, color: '595959' }),
                new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '595959' }),
              ],
            }),
          ],
        }),
      },
      children: s.blocks.flatMap((b) => blockToDocx(b, s.landscape ?? false)),
    })),
  });
  return Packer.toBuffer(document);
}
