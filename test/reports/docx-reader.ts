import JSZip from 'jszip';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
}

export interface DocxContents {
  xml: string;
  /** Text of every paragraph of the body, tables included, in order. */
  paragraphs: string[];
  /** Rows of every table: each row its cells' texts. */
  tables: string[][][];
  /** Media files (word/media/…) with their bytes. */
  media: { name: string; bytes: Buffer }[];
  /** Alternative titles of the drawings (one per embedded image). */
  imageTitles: string[];
}

/** Opens a .docx and reads its body XML: paragraphs, tables, images. */
export async function readDocx(bytes: Buffer): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join('\n'),
      ),
    ),
  );
  const media: DocxContents['media'] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) {
    media.push({ name, bytes: Buffer.from(await zip.file(name)!.async('uint8array')) });
  }
  const imageTitles = [...xml.matchAll(/<wp:docPr [^>]*title="([^"]*)"/g)].map((m) => decode(m[1]!));
  return { xml, paragraphs, tables, media, imageTitles };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
