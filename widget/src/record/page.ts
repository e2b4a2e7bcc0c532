/*
 * What a record says about the page the complaint was raised on. A query string or fragment
 * often carries a session token, an email or a tracking id, and a referrer's path can say what
 * the visitor searched for: none of that helps an agent, so by default it stays on the device.
 */

/**
 * The page's address for the record: scheme, host and path (no credentials, query or fragment)
 * unless the site owner chose `full`.
 *
 * @param href The page's full address.
 * @param keep `path` (default) or `full`.
 */
export function pageAddress(href: string, keep: 'path' | 'full' = 'path'): string {
  if (keep === 'full') return href;
  try {
    const url = new URL(href);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '';
  }
}

/** The referrer's origin only, or `null` when there is none (or it has no origin). */
export function referrerOrigin(referrer: string): string | null {
  if (!referrer) return null;
  try {
    const origin = new URL(referrer).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
