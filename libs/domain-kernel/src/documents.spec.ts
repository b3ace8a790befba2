import { MAX_DISPLAY_NAME_LENGTH, displayFileName, requireReadablePdf } from './documents';
import { ValidationError } from './errors';

describe('displayFileName', () => {
  it('keeps the basename only: a path is never a name', () => {
    expect(displayFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(displayFileName('C:\\Users\\marie\\CV.pdf')).toBe('CV.pdf');
    expect(displayFileName('/absolute/licence.pdf')).toBe('licence.pdf');
  });

  it('drops control characters, bidirectional overrides and leading dots; an empty result gets a neutral name', () => {
    expect(displayFileName('cv\u0000\n\r.pdf')).toBe('cv.pdf');
    expect(displayFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(displayFileName('.hidden.pdf')).toBe('hidden.pdf');
    expect(displayFileName('..')).toBe('document.pdf');
    expect(displayFileName('dir/')).toBe('document.pdf');
    expect(displayFileName('a:b?.pdf')).toBe('a_b_.pdf');
  });

  it('bounds the length and keeps the extension; accented names stay as they are', () => {
    const long = displayFileName(`${'é'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(long.endsWith('é.pdf')).toBe(true);
    expect(displayFileName('Relevé de notes — Licence.pdf')).toBe('Relevé de notes — Licence.pdf');
  });
});

describe('requireReadablePdf', () => {
  it('refuses what is not a PDF a reader opens, under the rule and field it is given', () => {
    for (const reason of ['NOT_PDF', 'ENCRYPTED', 'MALFORMED'] as const) {
      const refusal = () => requireReadablePdf({ readable: false, reason }, 'REC-3', 'file');
      expect(refusal).toThrow(ValidationError);
      expect(refusal).toThrow(expect.objectContaining({ ruleId: 'REC-3', field: 'file' }));
    }
    expect(() => requireReadablePdf({ readable: true, pages: 2 }, 'CAND-2', 'file')).not.toThrow();
  });
});
