import { settleAll } from './settle-all';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('settleAll', () => {
  it('answers every value, in order', async () => {
    expect(await settleAll([after(20, 'a'), after(5, 'b')])).toEqual(['a', 'b']);
  });

  it('throws the first failure only once every other promise has settled', async () => {
    let slowDone = false;
    const slow = after(40, 'slow').then((value) => {
      slowDone = true;
      return value;
    });
    await expect(
      settleAll([Promise.reject(new Error('first')), slow, Promise.reject(new Error('second'))]),
    ).rejects.toThrow('first');
    expect(slowDone).toBe(true);
  });
});
