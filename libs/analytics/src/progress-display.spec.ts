import { ProgressDisplay } from './progress-display';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('the export’s progress on stderr', () => {
  it('redraws one line in place on a terminal, and ends it', () => {
    const out = output(true);
    let now = 0;
    const progress = new ProgressDisplay(out, 'topic', () => now);
    progress.update({ read: 0, total: 200 });
    now = 50;
    progress.update({ read: 50, total: 200 }); // too soon: not drawn
    now = 200;
    progress.update({ read: 100, total: 200 });
    progress.finish();
    expect(out.written).toEqual([
      `\rtopic [${'-'.repeat(30)}] 0 / 200 messages (0%)\x1b[K`,
      `\rtopic [${'#'.repeat(15)}${'-'.repeat(15)}] 100 / 200 messages (50%)\x1b[K`,
      `\rtopic [${'#'.repeat(15)}${'-'.repeat(15)}] 100 / 200 messages (50%)\x1b[K`,
      '\n',
    ]);
  });

  it('writes a plain line every few seconds to a log, and always the last count', () => {
    const out = output(false);
    let now = 0;
    const progress = new ProgressDisplay(out, 'topic', () => now);
    progress.update({ read: 0, total: 3000 });
    now = 1000;
    progress.update({ read: 1000, total: 3000 });
    now = 6000;
    progress.update({ read: 2000, total: 3000 });
    now = 6500;
    progress.update({ read: 3000, total: 3000 });
    progress.finish();
    expect(out.written).toEqual([
      'topic: 0 / 3,000 messages (0%)\n',
      'topic: 2,000 / 3,000 messages (66%)\n',
      'topic: 3,000 / 3,000 messages (100%)\n',
    ]);
  });
});
