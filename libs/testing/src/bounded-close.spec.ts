import { closeWithin } from './bounded-close';

describe('closeWithin', () => {
  it('goes on after the bound when a close hangs, naming it on stderr', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const started = Date.now();
      await closeWithin('the jury service', () => new Promise(() => undefined), 50);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(written.join('')).toMatch(/test teardown: stopping the jury service took more than 50 ms/);
    } finally {
      write.mockRestore();
    }
  });

  it('waits for a close that ends, and says nothing', async () => {
    const write = jest.spyOn(process.stderr, 'write');
    try {
      let closed = false;
      await closeWithin('the browser', async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        closed = true;
      });
      expect(closed).toBe(true);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });
});
