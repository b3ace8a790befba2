import type { PdfReading } from '@admissions/domain-kernel';
import { PDFDocument } from '@cantoo/pdf-lib';

const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');
const NOT_PDF: PdfReading = { readable: false, reason: 'NOT_PDF' };
const ENCRYPTED: PdfReading = { readable: false, reason: 'ENCRYPTED' };
const MALFORMED: PdfReading = { readable: false, reason: 'MALFORMED' };

/**
 * Reads an upload as a PDF a reader can open: its objects parse strictly, its page tree resolves to
 * at least one page, and it asks for no password. The first bytes alone prove nothing.
 */
export async function readPdf(content: Uint8Array): Promise<PdfReading> {
  if (!PDF_MAGIC.every((byte, index) => content[index] === byte)) return NOT_PDF;
  try {
    const document = await PDFDocument.load(content, {
      throwOnInvalidObject: true,
      ignoreEncryption: true,
      updateMetadata: false,
    });
    if (document.isEncrypted) return ENCRYPTED;
    const pages = document.getPages().length;
    return pages > 0 ? { readable: true, pages } : MALFORMED;
  } catch {
    // Encrypted object streams fail the strict parse too: a lenient one tells them from damage.
    return (await declaresEncryption(content)) ? ENCRYPTED : MALFORMED;
  }
}

async function declaresEncryption(content: Uint8Array): Promise<boolean> {
  try {
    return (await PDFDocument.load(content, { ignoreEncryption: true, updateMetadata: false })).isEncrypted;
  } catch {
    return false;
  }
}
