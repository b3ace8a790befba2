import { duplicateKeyIndexes } from './bulk-write';

const DUPLICATE = 11000;

describe('duplicateKeyIndexes', () => {
  it('answers the indexes of the writes refused on a duplicate _id', () => {
    const error = {
      writeErrors: [
        { code: DUPLICATE, index: 1 },
        { code: DUPLICATE, index: 3 },
      ],
    };
    expect(duplicateKeyIndexes(error, 4)).toEqual([1, 3]);
  });

  it('reads a single write error the driver reports without a list', () => {
    expect(duplicateKeyIndexes({ writeErrors: { code: DUPLICATE, index: 2 } }, 3)).toEqual([2]);
  });

  it('takes a lone duplicate-key error for the only write of a one-write command', () => {
    expect(duplicateKeyIndexes({ code: DUPLICATE }, 1)).toEqual([0]);
  });

  it('answers undefined when a lone error cannot be placed among several writes', () => {
    expect(duplicateKeyIndexes({ code: DUPLICATE }, 2)).toBeUndefined();
  });

  it('answers undefined for any other failure, alone or among duplicates', () => {
    expect(
      duplicateKeyIndexes(
        {
          writeErrors: [
            { code: DUPLICATE, index: 0 },
            { code: 121, index: 1 },
          ],
        },
        2,
      ),
    ).toBeUndefined();
    expect(duplicateKeyIndexes(new Error('connection reset'), 1)).toBeUndefined();
  });
});
