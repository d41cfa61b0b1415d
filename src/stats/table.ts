/**
 * The table behind every chart, and the figure that pairs them. A chart is a picture (an image
 * with a title and description); the numbers themselves live in a real table, so screen-reader
 * users, people who zoom and people without SVG get the same figures (WCAG 1.1.1, 1.3.1).
 */
import { html, type Html } from '../views/html.ts';

/** A table column; `key` picks the row field, `label` is already translated. */
export interface Column<K extends string = string> {
  key: K;
  label: string;
  /** Right-aligned (class "num") so digits line up; numbers are formatted in any column. */
  numeric?: boolean;
  /** How numbers in this column are shown, e.g. `{ style: 'percent' }` for a rate of 0..1. */
  format?: Intl.NumberFormatOptions;
}

/** One cell value; null means "no figure" (nothing was due, nobody rated). */
export type Cell = string | number | null;

/** A row of a table or CSV export, keyed by column. */
export type Row<K extends string = string> = Readonly<Record<K, Cell>>;

/** Ids go into `aria-labelledby` and `url(#…)` references; keep them plain. */
export function assertId(id: string): void {
  if (!/^[A-Za-z][\w-]*$/.test(id))
    throw new RangeError(`not a usable element id: ${JSON.stringify(id)}`);
}

/**
 * A data table: `<caption>`, column headers with `scope="col"`, the first column as row headers,
 * numbers formatted for `locale`. It sits in a focusable, labelled region so that keyboard users
 * can scroll it sideways on a phone (axe: scrollable-region-focusable).
 */
export function dataTable<K extends string>(options: {
  id: string;
  caption: string;
  columns: readonly Column<K>[];
  rows: readonly Row<K>[];
  locale: string;
  /** Shown for null; a dash, not an empty cell, so "no figure" is not read as "blank". */
  missing?: string;
}): Html {
  const { id, caption, columns, rows, locale, missing = '–' } = options;
  assertId(id);
  const formats = columns.map(
    (c) => new Intl.NumberFormat(locale, c.format ?? { maximumFractionDigits: 2 }),
  );
  const numClass = (c: Column<K>) => (c.numeric ? 'num' : null);
  const head = columns.map((c) => html`<th scope="col"${classAttr(numClass(c))}>${c.label}</th>`);
  const body = rows.map((row) => {
    const cells = columns.map((c, i) => {
      const value = row[c.key];
      const text =
        value === null
          ? missing
          : typeof value === 'number'
            ? (formats[i] as Intl.NumberFormat).format(value)
            : value;
      return i === 0
        ? html`<th scope="row"${classAttr(numClass(c))}>${text}</th>`
        : html`<td${classAttr(numClass(c))}>${text}</td>`;
    });
    return html`<tr>${cells}</tr>\n`;
  });
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table id="${id}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}</tbody>
</table></div>`;
}

/**
 * A chart with its table: the figcaption names both, the chart shows the shape, and the table
 * waits in a `<details>` (opens without JavaScript) labelled by `tableLabel`, e.g. "Show the
 * figures as a table".
 */
export function figure(options: {
  id: string;
  caption: string;
  chart: Html;
  table: Html;
  tableLabel: string;
}): Html {
  const { id, caption, chart, table, tableLabel } = options;
  assertId(id);
  return html`<figure id="${id}" class="chart chart-beside">
<figcaption>${caption}</figcaption>
${chart}
<details><summary>${tableLabel}</summary>
${table}
</details>
</figure>`;
}

function classAttr(name: string | null): Html | null {
  return name === null ? null : html` class="${name}"`;
}
