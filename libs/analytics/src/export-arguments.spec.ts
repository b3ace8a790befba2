import { UsageError, parseExportArguments } from './export-arguments';

describe('the export’s command line', () => {
  it('reads --name value and --name=value', () => {
    expect(
      parseExportArguments(['--stream', 'admissions.decisions.v1', '--season=2027', '--out', 'd/2027.parquet']),
    ).toEqual({ stream: 'admissions.decisions.v1', season: 2027, out: 'd/2027.parquet' });
    expect(parseExportArguments(['--help'])).toBe('help');
  });

  it.each([
    [[], /^missing --stream, --season, --out; usage: /],
    [['--stream', 'a', '--season', '2027'], /^missing --out; usage: /],
    [['--stream', '--season', '2027', '--out', 'x.parquet'], /^--stream needs a value; usage: /],
    [['--stream', 'a', '--season', 'next', '--out', 'x.parquet'], /^--season must be a year such as 2027, not next$/],
    [['--stream', 'a', '--season', '2027', '--out', 'x.csv'], /^--out must name a \.parquet file, not x\.csv$/],
    [['--stream', 'a', '--season', '2027', '--out', 'x.parquet', '--force'], /^unknown argument --force; usage: /],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseExportArguments(argv)).toThrow(UsageError);
    expect(() => parseExportArguments(argv)).toThrow(message);
  });
});
