/**
 * Bar charts as inline SVG, drawn on the server: readable without JavaScript, and with all
 * presentation in SVG attributes because the CSP forbids style attributes and inline styles.
 *
 * Figures over time (per day or month) are columns (`columnChart`): time runs left to right in
 * a chart of fixed height. Figures per category (services, outcomes, ratings) are bars
 * horizontal with each label on its own line above its bar: labels (service names) get the
 * full width, more categories make the chart taller rather than more crowded,
 * and no text is rotated. The SVG has a natural size (width and height attributes equal to its
 * viewBox) and shrinks on narrow screens through the site-wide `svg { max-width: 100%; height: auto }`
 * in public/site.css, so it neither overflows a 320 px phone nor balloons on a desktop.
 *
 * Every chart is an image (`role="img"`) named by its `<title>` and `<desc>`; pair it with
 * `dataTable` from table.ts, e.g. through `figure`.
 */
import { html, type Html } from '../views/html.ts';
import { assertId } from './table.ts';
import { decimalsOf, niceTicks } from './ticks.ts';

/**
 * Colours against the white chart background: text ≥ 4.5:1 (WCAG 1.4.3), bars and their
 * outlines ≥ 3:1 (1.4.11). The two series also differ by pattern, not by colour alone (1.4.1).
 */
export const COLOURS = {
  background: '#ffffff',
  text: '#1b1f24',
  axisText: '#4a5563',
  grid: '#c5ced9',
  bar: '#0b5cad',
  second: '#1e6b34',
} as const;

const WIDTH = 400;
const PAD = 12;
const FONT = 15;
/** Rough average glyph width as a share of the font size, to reserve room for text. */
const GLYPH = 0.6;
const TICKS = 4;
/** A white outline behind text keeps it legible where a grid line crosses it. */
const HALO = html`fill="${COLOURS.text}" stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke"`;

/** A category and its figure. */
export interface Datum {
  label: string;
  value: number;
}

/** What every chart takes: ids are derived from `id`, so output is deterministic. */
interface ChartBase {
  id: string;
  /** The chart's accessible name (already translated). */
  title: string;
  /** A sentence saying what the chart shows; screen readers read it after the title. */
  desc: string;
  /** BCP 47 locale for numbers (sl, cs, en). */
  locale: string;
  /** An Intl sanctioned unit ('minute', 'percent', 'hour' …), shown the locale's way. */
  unit?: string;
  /** Stretch the axis to at least this value (e.g. 5 for ratings, 100 for percent). */
  max?: number;
}

/** A horizontal bar chart: one bar per datum, its value printed at the end of the bar. */
export function barChart(options: ChartBase & { series: readonly Datum[] }): Html {
  const { series } = options;
  const scale = valueScale(
    options,
    series.map((d) => d.value),
  );
  const ROW = 50;
  const LABEL = 18;
  const BAR = 20;
  const top = PAD;
  const rows = series.map((d, i) => {
    const y = top + i * ROW;
    const w = scale.width(d.value);
    return html`<text x="${PAD}" y="${y + FONT}" ${HALO}>${fit(d.label)}</text>
<rect class="bar" x="${PAD}" y="${y + LABEL}" width="${w}" height="${BAR}" fill="${COLOURS.bar}"/>
<text x="${num(PAD + w + 6)}" y="${num(y + LABEL + BAR / 2 + FONT * 0.35)}" ${HALO}>${scale.format(d.value)}</text>
`;
  });
  const bottom = top + series.length * ROW;
  return frame(options, bottom + FONT + 16, html`${scale.axis(top, bottom)}${rows}`);
}

/** A column chart's series: its name (for the legend) and one value per category. */
export interface ColumnSeries {
  label: string;
  values: readonly number[];
}

/**
 * Figures over time (per day, per month) as vertical columns, time along the x axis: a month
 * reads at a glance as a shape, in a chart of fixed height however many days it has. Only every
 * `step`-th category is labelled (1, 2, 7, 14 … whichever first fits the width without labels
 * touching); the values are on the y axis and in the table beside the chart. With two series the
 * columns are stacked, the second hatched on top of the first (e.g. booked and free places),
 * and a legend names both.
 */
export function columnChart(
  options: ChartBase & {
    categories: readonly string[];
    series: readonly [ColumnSeries] | readonly [ColumnSeries, ColumnSeries];
  },
): Html {
  const { id, categories, series } = options;
  for (const s of series) {
    if (s.values.length !== categories.length)
      throw new RangeError(
        `series "${s.label}" has ${s.values.length} values for ${categories.length} categories`,
      );
  }
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const axis = verticalScale(
    options,
    totals,
    series.flatMap((s) => s.values),
  );
  const hatch = `${id}-hatch`;
  const legendRows = series.length > 1 ? series.length : 0;
  const top = PAD + legendRows * 24 + (legendRows ? 8 : 0) + FONT / 2;
  const bottom = top + COLUMN_PLOT;
  const left = PAD + axis.labelWidth + 6;
  const slot = (WIDTH - PAD - left) / Math.max(1, categories.length);
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => bottom - axis.height(value);
  const legend =
    series.length > 1
      ? series.map(
          (
            s,
            i,
          ) => html`${columnSwatch(PAD, PAD + i * 24, 16, 16, i, hatch)}<text x="${PAD + 24}" y="${PAD + i * 24 + 13}" ${HALO}>${fit(s.label, 24)}</text>
`,
        )
      : [];
  const columns = categories.map((_, c) => {
    const x = num(left + c * slot + (slot - barWidth) / 2);
    let base = 0;
    return series.map((s, i) => {
      const value = s.values[c] ?? 0;
      const h = num(axis.height(base + value) - axis.height(base));
      base += value;
      return columnSwatch(x, num(y(base)), num(barWidth), h, i, hatch);
    });
  });
  const step = labelStep(categories, slot);
  const labels = categories.map((label, c) => {
    if (c % step !== 0) return '';
    const centre = num(left + (c + 0.5) * slot);
    // Centred under its column, but kept inside the chart at either end.
    const half = ([...label].length * FONT * GLYPH) / 2;
    const x = num(Math.min(Math.max(centre, half), WIDTH - half));
    return html`<line x1="${centre}" y1="${bottom}" x2="${centre}" y2="${bottom + 4}" stroke="${COLOURS.axisText}" stroke-width="1"/><text x="${x}" y="${bottom + FONT + 6}" text-anchor="middle" fill="${COLOURS.axisText}">${label}</text>
`;
  });
  const defs = series.length > 1 ? hatchDefs(hatch) : '';
  return frame(
    options,
    bottom + FONT + 16,
    html`${defs}${legend}${axis.grid(left, top, bottom)}${columns}<line x1="${left}" y1="${bottom}" x2="${WIDTH - PAD}" y2="${bottom}" stroke="${COLOURS.axisText}" stroke-width="1"/>
${labels}`,
  );
}

/** The plot's height in a column chart: fixed, so a long period makes columns thinner, not the chart taller. */
const COLUMN_PLOT = 200;
/** How many categories apart the labels under a column chart may be, smallest first (a week is 7 days). */
const LABEL_STEPS = [1, 2, 7, 14, 28] as const;

/** Every how many categories a label fits under the columns without touching the next one. */
export function labelStep(categories: readonly string[], slot: number): number {
  const longest = Math.max(1, ...categories.map((c) => [...c].length));
  const needed = longest * FONT * GLYPH + 8;
  return LABEL_STEPS.find((step) => step * slot >= needed) ?? Math.ceil(needed / slot);
}

function columnSwatch(
  x: number,
  y: number,
  w: number,
  h: number,
  series: number,
  hatch: string,
): Html {
  return series === 0
    ? html`<rect class="bar" x="${x}" y="${y}" width="${w}" height="${h}" fill="${COLOURS.bar}"/>`
    : html`<rect class="bar bar-2" x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#${hatch})" stroke="${COLOURS.second}" stroke-width="${h > 0 ? 1.5 : 0}"/>`;
}

function hatchDefs(hatch: string): Html {
  return html`<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${COLOURS.background}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${COLOURS.second}" stroke-width="3"/></pattern></defs>
`;
}

/** The y axis of a column chart: nice ticks with horizontal grid lines, labels at the left. */
function verticalScale(options: ChartBase, totals: readonly number[], values: readonly number[]) {
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`chart values must be finite and ≥ 0, got ${v}`);
  }
  const unit =
    options.unit === undefined
      ? {}
      : ({ style: 'unit', unit: options.unit, unitDisplay: 'short' } as const);
  const max = Math.max(options.max ?? 0, ...totals);
  const ticks = niceTicks(max, TICKS, { integer: values.every(Number.isInteger) });
  const end = ticks.at(-1) ?? 1;
  const decimals = decimalsOf(ticks[1] ?? 1);
  const format = new Intl.NumberFormat(options.locale, {
    ...unit,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const tickLabels = ticks.map((t) => format.format(t));
  const labelWidth = Math.max(...tickLabels.map((l) => [...l].length)) * FONT * GLYPH;
  const height = (value: number) => (value / end) * COLUMN_PLOT;
  return {
    labelWidth,
    height,
    grid: (left: number, _top: number, bottom: number) =>
      html`${ticks.map((t, i) => {
        const y = num(bottom - height(t));
        return html`<line x1="${left}" y1="${y}" x2="${WIDTH - PAD}" y2="${y}" stroke="${COLOURS.grid}" stroke-width="1"/><text x="${num(left - 6)}" y="${num(y + FONT * 0.35)}" text-anchor="end" fill="${COLOURS.axisText}">${tickLabels[i]}</text>
`;
      })}`,
  };
}

/**
 * Satisfaction ratings 1–5: `distribution[0]` is the count of 1s. Labels default to the
 * locale's digits; pass translated ones ("1 – very poor") to say what the ends mean.
 */
export function ratingChart(
  options: Omit<ChartBase, 'unit' | 'max'> & {
    distribution: readonly number[];
    labels?: readonly string[];
  },
): Html {
  const digits = new Intl.NumberFormat(options.locale);
  const series = options.distribution.map((value, i) => ({
    label: options.labels?.[i] ?? digits.format(i + 1),
    value,
  }));
  return barChart({
    id: options.id,
    title: options.title,
    desc: options.desc,
    locale: options.locale,
    series,
  });
}

interface Scale {
  width(value: number): number;
  format(value: number): string;
  axis(top: number, bottom: number): Html;
}

/** Maps values to bar lengths, with room kept at the right for the longest value label. */
function valueScale(options: ChartBase, values: readonly number[]): Scale {
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`chart values must be finite and ≥ 0, got ${v}`);
  }
  const unit =
    options.unit === undefined
      ? {}
      : ({ style: 'unit', unit: options.unit, unitDisplay: 'short' } as const);
  const valueFormat = new Intl.NumberFormat(options.locale, { ...unit, maximumFractionDigits: 1 });
  const max = Math.max(options.max ?? 0, ...values);
  const ticks = niceTicks(max, TICKS, {
    integer: values.every(Number.isInteger) && Number.isInteger(options.max ?? 0),
  });
  const end = ticks.at(-1) ?? 1;
  const decimals = decimalsOf(ticks[1] ?? 1);
  const tickFormat = new Intl.NumberFormat(options.locale, {
    ...unit,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const longest = Math.max(0, ...values.map((v) => valueFormat.format(v).length));
  const plot = WIDTH - 2 * PAD - (longest * FONT * GLYPH + 8);
  const width = (value: number) => num((value / end) * plot);
  return {
    width,
    format: (value) => valueFormat.format(value),
    axis: (top, bottom) =>
      html`${ticks.map((t, i) => {
        const x = num(PAD + width(t));
        // The first label starts at the axis and the last ends at it, so neither leaves the chart.
        const anchor = i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle';
        return html`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${COLOURS.grid}" stroke-width="1"/><text x="${x}" y="${bottom + FONT + 6}" text-anchor="${anchor}" fill="${COLOURS.axisText}">${tickFormat.format(t)}</text>
`;
      })}`,
  };
}

/** The outer `<svg>`: an image named by its title and described by its desc. */
function frame(options: ChartBase, height: number, body: Html): Html {
  const { id, title, desc } = options;
  assertId(id);
  const h = num(height);
  return html`<svg id="${id}" class="chart-svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${h}" width="${WIDTH}" height="${h}" font-size="${FONT}">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${desc}</desc>
<rect width="${WIDTH}" height="${h}" fill="${COLOURS.background}"/>
${body}</svg>`;
}

/** Shortens a label that would run past the chart; the table beside it has the full text. */
function fit(label: string, indent = 0): string {
  const room = Math.floor((WIDTH - 2 * PAD - indent) / (FONT * GLYPH));
  const chars = [...label];
  return chars.length <= room ? label : `${chars.slice(0, room - 1).join('')}…`;
}

/** Two decimals are finer than any screen pixel and keep the markup short. */
function num(n: number): number {
  return Math.round(n * 100) / 100;
}
