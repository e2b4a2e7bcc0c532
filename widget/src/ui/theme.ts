/*
 * Colour helpers for theming: the site owner picks an accent, and the text on it must stay
 * readable whatever they pick (WCAG 2.2 contrast ratio).
 */

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?%?';
// rgb()/rgba() in the legacy comma syntax and the modern space syntax (with `/ alpha`).
const RGB_COMMAS = new RegExp(`^rgba?\\(\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*(?:,\\s*(${NUMBER})\\s*)?\\)$`, 'i');
const RGB_SPACES = new RegExp(`^rgba?\\(\\s*(${NUMBER})\\s+(${NUMBER})\\s+(${NUMBER})\\s*(?:\\/\\s*(${NUMBER})\\s*)?\\)$`, 'i');

/** Red, green and blue, 0–255. */
type Rgb = [number, number, number];

function channel(text: string): number {
  const value = text.endsWith('%') ? (parseFloat(text) / 100) * 255 : parseFloat(text);
  return Math.min(255, Math.max(0, value));
}

function parse(value: string): Rgb | null {
  const text = value.trim();
  const hex = HEX.exec(text);
  if (hex) {
    let digits = hex[1]!;
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = RGB_COMMAS.exec(text) ?? RGB_SPACES.exec(text);
  if (!rgb) return null;
  const parts = [rgb[1]!, rgb[2]!, rgb[3]!];
  // CSS does not allow mixing numbers and percentages among the three channels.
  const percents = parts.filter((p) => p.endsWith('%')).length;
  if (percents !== 0 && percents !== 3) return null;
  return parts.map(channel) as Rgb;
}

/** Relative luminance, WCAG 2.2 definition (sRGB). */
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const ca = parse(a);
  const cb = parse(b);
  if (!ca || !cb) return 1;
  const la = luminance(ca);
  const lb = luminance(cb);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Whether `value` is a colour the widget accepts as an accent: CSS hex (`#rgb`, `#rgba`,
 * `#rrggbb`, `#rrggbbaa`) or `rgb()`/`rgba()` in comma or space syntax.
 */
export function isColor(value: unknown): value is string {
  return typeof value === 'string' && parse(value) !== null;
}

/**
 * The text colour for an accent background: black or white, whichever has the better WCAG
 * contrast ratio. Alpha is ignored (the accent is drawn opaque). An unreadable value gets
 * white, the pair for the default accent.
 *
 * @param accent a CSS hex or rgb() colour
 */
export function onAccent(accent: string): '#000000' | '#ffffff' {
  const rgb = parse(accent);
  if (!rgb) return '#ffffff';
  // Black wins when (l + 0.05) / 0.05 > 1.05 / (l + 0.05), i.e. (l + 0.05)² > 0.0525.
  return (luminance(rgb) + 0.05) ** 2 > 0.0525 ? '#000000' : '#ffffff';
}
