// Line charts as plain SVG text, for docs/benchmarks/*.svg: a person looks rather than reads.

export interface Series {
  readonly label: string;
  readonly colour: string;
  /** [x, y] in the chart's units. */
  readonly points: readonly (readonly [number, number])[];
}

export interface Chart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

const WIDTH = 720;
const HEIGHT = 360;
const M = { left: 64, right: 180, top: 36, bottom: 48 };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round step giving about five ticks up to `max`. */
function tickStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? power * 10;
}

export function lineChart(chart: Chart): string {
  const all = chart.series.flatMap((s) => s.points);
  const maxX = Math.max(1, ...all.map(([x]) => x));
  const maxY = Math.max(1, ...all.map(([, y]) => y));
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const sx = (x: number) => (M.left + (x / maxX) * plotW).toFixed(1);
  const sy = (y: number) => (M.top + plotH - (y / maxY) * plotH).toFixed(1);
  const ticks = (max: number) => {
    const step = tickStep(max);
    return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  };
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${M.left}" y="20" font-size="14" font-weight="bold">${escape(chart.title)}</text>`,
    ...ticks(maxY).map(
      (y) =>
        `<line x1="${M.left}" x2="${M.left + plotW}" y1="${sy(y)}" y2="${sy(y)}" stroke="#ddd"/>` +
        `<text x="${M.left - 6}" y="${sy(y)}" text-anchor="end" dominant-baseline="middle">${y}</text>`,
    ),
    ...ticks(maxX).map((x) => `<text x="${sx(x)}" y="${M.top + plotH + 16}" text-anchor="middle">${x}</text>`),
    `<line x1="${M.left}" x2="${M.left + plotW}" y1="${M.top + plotH}" y2="${M.top + plotH}" stroke="black"/>`,
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}" stroke="black"/>`,
    `<text x="${M.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(chart.xLabel)}</text>`,
    `<text transform="translate(16 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`,
    ...chart.series.flatMap((s, i) => [
      `<polyline fill="none" stroke="${s.colour}" stroke-width="1.5" points="${s.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')}"/>`,
      `<line x1="${WIDTH - M.right + 12}" x2="${WIDTH - M.right + 32}" y1="${M.top + 8 + i * 18}" y2="${M.top + 8 + i * 18}" stroke="${s.colour}" stroke-width="2"/>`,
      `<text x="${WIDTH - M.right + 38}" y="${M.top + 8 + i * 18}" dominant-baseline="middle">${escape(s.label)}</text>`,
    ]),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}
