// @ts-check

/** A NUL, or half of a surrogate pair without its other half. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, to ask whether a string holds one (no `g`: `test` keeps no position). */
const HOLDS_UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A copy of a parsed JSON value in which every string (keys included) can be stored by any
 * database: NUL and unpaired surrogates become U+FFFD. JSON allows both, the schema cannot
 * rule them out, and PostgreSQL refuses them in text and jsonb; a visitor's complaint should
 * not be refused, or fail for ever, over one stray character (a message cut in the middle of
 * an emoji, say). Returns the value itself when nothing needed replacing, as nearly every
 * record does: that case only reads, and builds no copy.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function storableCopy(value) {
  return holdsUnstorable(value) ? /** @type {T} */ (copy(value)) : value;
}

/** @param {unknown} value @returns {boolean} */
function holdsUnstorable(value) {
  if (typeof value === 'string') return HOLDS_UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorable);
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (HOLDS_UNSTORABLE.test(key) || holdsUnstorable(/** @type {Record<string, unknown>} */ (value)[key])) return true;
    }
  }
  return false;
}

/** @param {unknown} value @returns {unknown} */
function copy(value) {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\ufffd');
  if (Array.isArray(value)) {
    const items = value.map(copy);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const safeKey = /** @type {string} */ (copy(key));
      const safeItem = copy(item);
      changed ||= safeKey !== key || safeItem !== item;
      out[safeKey] = safeItem;
    }
    return changed ? out : value;
  }
  return value;
}
