// @ts-check
/**
 * The bench's one table: rows of figure, value, budget and result, printed as text for the
 * terminal and as Markdown for the README.
 */

/**
 * @typedef {{
 *   section: string,
 *   figure: string,
 *   value: string,
 *   budget: string,
 *   pass: boolean | null,
 *   note?: string,
 * }} Row
 */

/** @param {number} bytes */
export const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : 'n/a');
/** @param {number | null | undefined} value @param {number} [digits] */
export const ms = (value, digits = 0) => (value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(digits)} ms`);
/** @param {number} bytes */
export const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : 'n/a');
/** @param {number} value */
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : 'n/a');

/** @param {boolean | null} pass */
const verdict = (pass) => (pass === null ? '' : pass ? 'pass' : 'FAIL');

/**
 * The table as aligned text, one section heading per group.
 * @param {Row[]} rows
 */
export function textTable(rows) {
  const widths = [0, 0, 0];
  for (const row of rows) {
    widths[0] = Math.max(/** @type {number} */ (widths[0]), row.figure.length);
    widths[1] = Math.max(/** @type {number} */ (widths[1]), row.value.length);
    widths[2] = Math.max(/** @type {number} */ (widths[2]), row.budget.length);
  }
  /** @type {string[]} */
  const lines = [];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push('', section);
    }
    const cells = [row.figure.padEnd(/** @type {number} */ (widths[0])), row.value.padEnd(/** @type {number} */ (widths[1])), row.budget.padEnd(/** @type {number} */ (widths[2])), verdict(row.pass).padEnd(4)];
    lines.push(`  ${cells.join('  ')}${row.note ? `  ${row.note}` : ''}`.trimEnd());
  }
  return lines.join('\n');
}

/**
 * The table as Markdown (`|` in cells escaped).
 * @param {Row[]} rows
 */
export function markdownTable(rows) {
  /** @param {string} text */
  const cell = (text) => text.replace(/\|/g, '\\|');
  const lines = ['| | Figure | Value | Budget | Result | Note |', '|---|---|---|---|---|---|'];
  let section = '';
  for (const row of rows) {
    const head = row.section !== section ? `**${cell(row.section)}**` : '';
    section = row.section;
    lines.push(`| ${head} | ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.budget)} | ${verdict(row.pass)} | ${cell(row.note ?? '')} |`);
  }
  return lines.join('\n');
}
