import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** One minute item as a clerk types it in Word. */
export interface DocxItem {
  number: string;
  title: string;
  paragraphs: string[];
}

export type DocxLayout = 'paragraphs' | 'table';

/**
 * Word minutes the two ways clerks lay them out: the number, the bold title and the text as
 * paragraphs one after another, or a two-column table with the number in the left column.
 */
export async function makeMinutesDocx(heading: string[], items: DocxItem[], layout: DocxLayout): Promise<Uint8Array> {
  const title = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
  const body =
    layout === 'paragraphs'
      ? items.flatMap((item) => [
          new Paragraph(item.number),
          title(item.title),
          ...item.paragraphs.map((p) => new Paragraph(p)),
        ])
      : [
          new Table({
            rows: items.map(
              (item) =>
                new TableRow({
                  children: [
                    new TableCell({
                      children: [new Paragraph(item.number)],
                      width: { size: 10, type: WidthType.PERCENTAGE },
                    }),
                    new TableCell({
                      children: [title(item.title), ...item.paragraphs.map((p) => new Paragraph(p))],
                      width: { size: 90, type: WidthType.PERCENTAGE },
                    }),
                  ],
                }),
            ),
          }),
        ];
  const doc = new Document({ sections: [{ children: [...heading.map((line) => new Paragraph(line)), ...body] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
