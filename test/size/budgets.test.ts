import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BYTE_BUDGETS, BENCH_LOCALES, THREAD_GZIP_BUDGET, LOADER_FILE, measureBundle, OPTIONAL_CHUNKS, staticClosure, WIDGET_FILE, type BundleSizes } from '../../bench/sizes.mjs';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import type { Catalog, Entry } from '../../widget/src/i18n/translate';

/*
 * Byte budgets of what a visitor downloads, checked on the built files (`npm test` builds
 * first). Sizes are deterministic, so these fail the build when a change makes the widget heavier
 * than promised; timings are the bench's job and are never asserted.
 */

const dist = fileURLToPath(new URL('../../widget/dist/', import.meta.url));
const read = (file: string) => readFileSync(`${dist}${file}`, 'utf8');

/** Markers of code that only the widget may carry: Preact's renderer and XState's runtime. */
const PREACT = 'dangerouslySetInnerHTML';
const XSTATE = 'xstate.init';

/** Every sentence of a catalog that differs from English and is long enough to be unmistakable. */
function distinctiveLines(catalog: Catalog): string[] {
  const lines: string[] = [];
  const collect = (entry: Entry) => {
    if (typeof entry === 'string') lines.push(entry);
    else if (Array.isArray(entry)) lines.push(...entry);
    else lines.push(...Object.values(entry as Record<string, string>));
  };
  for (const entry of Object.values(catalog)) collect(entry);
  const english = new Set<string>();
  for (const entry of Object.values(en)) {
    if (typeof entry === 'string') english.add(entry);
    else if (Array.isArray(entry)) entry.forEach((line) => english.add(line));
    else Object.values(entry as Record<string, string>).forEach((line) => english.add(line));
  }
  // Lines the minifier would escape (quotes, newlines, backslashes) are left out: we look for them verbatim.
  return lines.filter((line) => line.length >= 24 && !english.has(line) && !/[\\\n`"'$]/.test(line));
}

let sizes: BundleSizes;
beforeAll(() => {
  sizes = measureBundle(dist);
});

describe('what a visitor downloads stays within budget', () => {
  it('keeps the one-tag loader within 2.5 KB gzip', () => {
    expect(sizes.loader.gzip).toBeGreaterThan(0);
    expect(sizes.loader.gzip).toBeLessThanOrEqual(BYTE_BUDGETS.loaderGzip);
  });

  // The budget for one complaint is 62 KB gzip (aim 55), and it is NOT met: the bench prints the
  // figure against it as FAIL. What is enforced here is a ceiling just above today's size, so
  // nothing makes it heavier while the gap is being closed.
  it.each(BENCH_LOCALES)('keeps everything for one complaint in %s under the 68 KB ceiling (budget 62 KB, not met)', (locale) => {
    const complaint = sizes.complaint[locale];
    expect(complaint, `no download found for ${locale}`).toBeDefined();
    expect(complaint!.files).toContain(LOADER_FILE);
    expect(complaint!.files).toContain(WIDGET_FILE);
    expect(complaint!.gzip).toBeLessThanOrEqual(BYTE_BUDGETS.complaintCeilingGzip);
  });

  it('keeps the status of earlier complaints out of a complaint: a download of its own, for returning visitors, within 3 KB gzip', () => {
    const status = sizes.status;
    expect(status, 'no separate status chunk found').not.toBeNull();
    expect(status!.files).toHaveLength(1);
    expect(status!.files[0]).toMatch(/^heard-status-/);
    expect(staticClosure(dist, WIDGET_FILE).files).not.toContain(status!.files[0]);
    // The widget fetches it with a dynamic import, only for a visitor with complaints to ask about.
    expect(staticClosure(dist, WIDGET_FILE).dynamic).toContain(status!.files[0]);
    expect(status!.gzip).toBeLessThanOrEqual(3 * 1024);
  });

  it.each(OPTIONAL_CHUNKS.filter((chunk) => chunk.name !== 'status' && !chunk.name.startsWith('thread lines')).map((chunk) => [chunk.name, chunk] as const))(
    'keeps the optional %s download out of a complaint: its own chunk, fetched only when used, within its budget',
    (name, chunk) => {
      const optional = sizes.optional[name];
      expect(optional, `no separate ${name} chunk found`).toBeDefined();
      expect(optional!.files).toHaveLength(1);
      expect(optional!.files[0]).toMatch(chunk.file);
      const widget = staticClosure(dist, WIDGET_FILE);
      expect(widget.files).not.toContain(optional!.files[0]);
      expect(widget.dynamic).toContain(optional!.files[0]);
      for (const locale of BENCH_LOCALES) expect(sizes.complaint[locale]!.files).not.toContain(optional!.files[0]);
      expect(optional!.gzip).toBeLessThanOrEqual(chunk.gzipBudget);
    },
  );

  it.each(BENCH_LOCALES)('keeps a complaint\'s thread in %s, its code and its lines, a download of its own within 5 KB gzip', (locale) => {
    const thread = sizes.optional['thread']!;
    const lines = sizes.optional[`thread lines ${locale}`];
    expect(lines, `no separate thread lines chunk for ${locale}`).toBeDefined();
    expect(lines!.files).toHaveLength(1);
    expect(staticClosure(dist, thread.files[0]!).dynamic).toContain(lines!.files[0]);
    for (const other of BENCH_LOCALES) expect(sizes.complaint[other]!.files).not.toContain(lines!.files[0]);
    expect(thread.gzip + lines!.gzip).toBeLessThanOrEqual(THREAD_GZIP_BUDGET);
  });

  it('counts one language pack per complaint, not all four', () => {
    const packs = (files: string[]) => files.filter((f) => /^heard-(en|ms|hu|sk)-/.test(f));
    for (const locale of BENCH_LOCALES) expect(packs(sizes.complaint[locale]!.files), locale).toHaveLength(1);
  });
});

describe('the loader draws the bubble without the widget', () => {
  it('imports nothing statically, so the widget waits for interest or idle time', () => {
    expect(sizes.loaderImportsStatically).toEqual([]);
  });

  it('does not contain Preact or XState, which the widget chunk does', () => {
    const loader = read(LOADER_FILE);
    const widget = staticClosure(dist, WIDGET_FILE).files.map(read).join('\n');
    // The markers are proven to find the libraries where they are.
    expect(widget).toContain(PREACT);
    expect(widget).toContain(XSTATE);
    expect(loader).not.toContain(PREACT);
    expect(loader).not.toContain(XSTATE);
  });
});

describe('each language is its own download', () => {
  const catalogs = { ms, hu, sk } as const;

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('keeps %s lines out of the widget chunk and in their own pack', (locale) => {
    const pack = sizes.locales[locale];
    expect(pack, `no separate chunk for ${locale}`).toBeDefined();
    const lines = distinctiveLines(catalogs[locale]);
    expect(lines.length).toBeGreaterThan(10);
    const widget = staticClosure(dist, WIDGET_FILE).files.map(read).join('\n');
    const packText = read(pack!.file);
    expect(lines.filter((line) => widget.includes(line))).toEqual([]);
    expect(lines.filter((line) => !packText.includes(line))).toEqual([]);
  });
});
