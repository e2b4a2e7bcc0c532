// @ts-check
/** Small statistics for the bench: medians of runs and quantiles of samples. */

/**
 * The median of some numbers (`NaN` for none).
 * @param {readonly number[]} values
 */
export function median(values) {
  return quantile(values, 0.5);
}

/**
 * The `q` quantile (0…1) by linear interpolation between closest ranks (`NaN` for none).
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return /** @type {number} */ (sorted[low]) + (/** @type {number} */ (sorted[high]) - /** @type {number} */ (sorted[low])) * (at - low);
}
