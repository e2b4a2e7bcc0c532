// @ts-check

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 */

/**
 * Creates an element. Children that are not nodes become text nodes, so record data can
 * never turn into markup here; there is deliberately no way to pass HTML.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props] attributes; `class`, `on<event>` handlers
 * @param {...(Child | Child[] | Child[][])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Formats an ISO time for an agent's locale; shows the raw text if it does not parse. @param {string | null | undefined} iso */
export function when(iso) {
  if (!iso) return '—';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** @param {string | null | undefined} value */
export function orDash(value) {
  return value === null || value === undefined || value === '' ? '—' : value;
}
