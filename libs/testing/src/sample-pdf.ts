import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { createHash } from 'node:crypto';

export interface SamplePdfOptions {
  /** Pads the file with trailing blanks (after `%%EOF`, which readers ignore) up to this size. */
  readonly padTo?: number;
  /** Protects it with a user password, as a reader would ask for it. */
  readonly userPassword?: string;
}

/** A real one-page PDF that shows `label` (so each label gives other bytes and another checksum). */
export async function samplePdf(label: string, options: SamplePdfOptions = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(label, { x: 50, y: 780, size: 12, font });
  if (options.userPassword !== undefined) {
    document.encrypt({ userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner` });
  }
  const bytes = Buffer.from(await document.save());
  const padTo = options.padTo ?? 0;
  return padTo > bytes.length ? Buffer.concat([bytes, Buffer.alloc(padTo - bytes.length, 0x20)]) : bytes;
}

/** What an upload check that trusts the first bytes accepts: the PDF signature, then noise. */
export function pdfSignatureThenGarbage(label: string): Buffer {
  const noise = createHash('sha512').update(label).digest();
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), ...Array.from({ length: 32 }, () => noise)]);
}
