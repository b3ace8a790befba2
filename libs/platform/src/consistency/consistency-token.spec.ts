import { ValidationError } from '@admissions/domain-kernel';
import { commitsOf, CONSISTENCY_HEADER, tokenOf } from './consistency-token';

describe('the consistency token', () => {
  it('names the commits it was made of, whatever characters their stream ids hold', () => {
    const commits = ['programme-MS-DATA@12', 'referral-jane@example.org@3'];
    const token = tokenOf(commits);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(commitsOf(token)).toEqual(commits);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('programme-X@1').toString('base64url')],
    ['no commit', tokenOf([])],
    ['a version 0', tokenOf(['programme-X@0'])],
    ['no stream', tokenOf(['@4'])],
    ['too many commits', tokenOf(Array.from({ length: 9 }, (_, i) => `s-${i}@1`))],
  ])('refuses a token that is %s with 400 naming the header', (_why, token) => {
    expect(() => commitsOf(token)).toThrow(ValidationError);
    try {
      commitsOf(token);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'validation', field: CONSISTENCY_HEADER });
    }
  });
});
