import { pdfSignatureThenGarbage, samplePdf } from '@admissions/testing';
import { readPdf } from './pdf-reader';

describe('readPdf', () => {
  it('a real PDF is readable, with its page count', async () => {
    await expect(readPdf(await samplePdf('Relevé de notes'))).resolves.toEqual({ readable: true, pages: 1 });
  });

  it('blanks after %%EOF do not make a PDF unreadable', async () => {
    const padded = await samplePdf('padded', { padTo: 64 * 1024 });
    await expect(readPdf(padded)).resolves.toEqual({ readable: true, pages: 1 });
  });

  it('the PDF signature followed by arbitrary bytes is malformed, not a PDF', async () => {
    await expect(readPdf(pdfSignatureThenGarbage('noise'))).resolves.toEqual({ readable: false, reason: 'MALFORMED' });
    await expect(readPdf(Buffer.from('%PDF-'))).resolves.toEqual({ readable: false, reason: 'MALFORMED' });
  });

  it('a PDF cut in half or without its end is malformed', async () => {
    const whole = await samplePdf('cut');
    await expect(readPdf(whole.subarray(0, whole.length >> 1))).resolves.toMatchObject({ reason: 'MALFORMED' });
    await expect(readPdf(whole.subarray(0, whole.length - 40))).resolves.toMatchObject({ reason: 'MALFORMED' });
  });

  it('a password-protected PDF is encrypted', async () => {
    const locked = await samplePdf('secret', { userPassword: 'open sesame' });
    await expect(readPdf(locked)).resolves.toEqual({ readable: false, reason: 'ENCRYPTED' });
  });

  it('anything else, or nothing, is not a PDF', async () => {
    await expect(readPdf(Buffer.from('PK\u0003\u0004 a zip file'))).resolves.toEqual({
      readable: false,
      reason: 'NOT_PDF',
    });
    await expect(readPdf(Buffer.alloc(0))).resolves.toEqual({ readable: false, reason: 'NOT_PDF' });
  });
});
