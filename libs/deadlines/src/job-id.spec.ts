import { fromJobId, toJobId } from './job-id';

describe('deadline job ids', () => {
  it('are deterministic, so scheduling the same deadline again targets the same job', () => {
    expect(toJobId('offer:42:expiry')).toBe(toJobId('offer:42:expiry'));
  });

  it('contain no colon, which BullMQ refuses in custom ids', () => {
    expect(toJobId('offer:42:expiry')).toBe('dl-offer%3A42%3Aexpiry');
  });

  it('never look like an integer, which BullMQ also refuses', () => {
    expect(toJobId('42')).toBe('dl-42');
  });

  it('keep distinct deadlines distinct, even ids that already look encoded', () => {
    expect(toJobId('a:b')).not.toBe(toJobId('a%3Ab'));
  });

  it('round-trip to the deadline id', () => {
    for (const id of ['offer:42:expiry', 'a%3Ab', 'é/ü ?#', '42']) {
      expect(fromJobId(toJobId(id))).toBe(id);
    }
  });

  it('refuse an empty deadline id and a foreign job id', () => {
    expect(() => toJobId('')).toThrow('must not be empty');
    expect(() => fromJobId('123')).toThrow('Not a deadline job id');
  });
});
