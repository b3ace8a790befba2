import { percentEncode } from './fuzz-request';

describe('percentEncode', () => {
  it('encodes what encodeURIComponent does, and dots', () => {
    expect(percentEncode('a b/../é?')).toBe('a%20b%2F%2E%2E%2F%C3%A9%3F');
  });

  it('encodes a surrogate pair as its code point', () => {
    expect(percentEncode('x😀y')).toBe('x%F0%9F%98%80y');
  });

  it('encodes a lone surrogate as the three bytes a sloppy encoder writes, wherever it stands', () => {
    expect(percentEncode('\uD800')).toBe('%ED%A0%80');
    expect(percentEncode('\uDC00a')).toBe('%ED%B0%80a');
    expect(percentEncode('a\uD83D\uD83D\uDE00')).toBe('a%ED%A0%BD%F0%9F%98%80');
    expect(percentEncode('\uDE00\uD83D')).toBe('%ED%B8%80%ED%A0%BD');
  });

  it('encodes a long value', () => {
    expect(percentEncode('.'.repeat(200_000))).toBe('%2E'.repeat(200_000));
  });
});
