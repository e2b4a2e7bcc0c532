import { LAUNCHER_CSS, LAUNCHER_ICON_PATH, LAUNCHER_ICON_VIEWBOX } from '../ui/launcherStyles';
import type { HeardApi } from './api';
import type { BootOptions } from './widget';

/*
 * heard.js: the one tag. It draws the bubble at once and loads the rest of the widget only when
 * the visitor shows interest (pointer over, focus, click) or, unless `data-preload="interaction"`,
 * the browser is idle after the host page's load event, so the page pays almost nothing for a
 * widget nobody opens. Loading it twice
 * makes one widget. It never throws into the host page.
 */

/** A call made before the widget loaded, and (for `on`) what the real call returned. */
type Call = [keyof HeardApi, unknown[], (() => void)?];
interface HeardWindow {
  Heard?: HeardApi;
  HeardConfig?: Record<string, unknown>;
}

const METHODS: (keyof HeardApi)[] = ['open', 'close', 'identify', 'on', 'destroy'];
/** The bubble's accessible name before the catalogs load (they say the same: `ui.launcher`). */
const LABELS: Record<string, string> = {
  en: 'Raise a complaint',
  ms: 'Buat aduan',
  hu: 'Panasz bejelentése',
  sk: 'Podať sťažnosť',
};

/** Black or white text on a hex accent, by WCAG contrast (the widget's `onAccent`, hex only). */
function onAccent(accent: string): string {
  const hex = accent.length < 7 ? accent.slice(1, 4).replace(/./g, '$&$&') : accent.slice(1, 7);
  let l = 0;
  for (let i = 0; i < 3; i++) {
    const s = parseInt(hex.slice(i * 2, i * 2 + 2), 16) / 255;
    l += [0.2126, 0.7152, 0.0722][i]! * (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
  }
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

function start(): void {
  const w = window as unknown as HeardWindow;
  if (w.Heard) return;
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || '';
  const data: Record<string, unknown> = { ...script?.dataset, ...w.HeardConfig };
  const chunk = new URL('heard-widget.js', src || location.href).href;
  if (!data.endpoint) {
    // The tag may be there only to define <heard-widget> elements, which carry their own.
    if (document.querySelector('heard-widget')) void import(/* @vite-ignore */ chunk).then((m: { defineHeardElement(): void }) => m.defineHeardElement());
    else console.error('Heard: data-endpoint is required: the URL complaints are sent to.');
    return;
  }
  const queue: Call[] = [];
  let real: HeardApi | undefined;
  let loading: Promise<void> | undefined;
  let gone = false;

  const host = document.createElement('heard-root');
  // Out of the page's flow (so adding it does not lay the page out again), and inline
  // !important beats even a host page's `* { all: unset !important }`.
  host.style.setProperty('position', 'fixed', 'important');
  // A fixed host is a stacking context of its own: at the top z-index, so the bubble and
  // panel inside it still sit above a host page's z-index wars.
  host.style.setProperty('z-index', '2147483647', 'important');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LAUNCHER_CSS);
  root.adoptedStyleSheets = [sheet];
  const accent = String(data.accent || '');
  if (/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(accent)) {
    host.style.setProperty('--heard-accent', accent);
    host.style.setProperty('--heard-on-accent', onAccent(accent));
  }
  const button = document.createElement('button');
  button.className = 'heard-launcher';
  button.type = 'button';
  button.setAttribute('part', 'launcher');
  button.setAttribute('data-position', data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right');
  button.setAttribute('aria-expanded', 'false');
  const lang = String(data.locale || navigator.language || 'en').slice(0, 2);
  button.setAttribute('aria-label', LABELS[lang] || LABELS.en!);
  button.innerHTML = `<svg viewBox="${LAUNCHER_ICON_VIEWBOX}" aria-hidden="true" focusable="false"><path d="${LAUNCHER_ICON_PATH}"/></svg>`;
  root.append(button);
  (document.body || document.documentElement).append(host);

  const load = (): Promise<void> | undefined =>
    gone ? undefined : (loading ||= import(/* @vite-ignore */ chunk)
      // Start in a task of its own: evaluating the chunk is enough for one task.
      .then((m: { boot(o: BootOptions): Promise<HeardApi> }) => new Promise((r) => setTimeout(r)).then(() => (gone ? undefined : m.boot({ host, root, data, launcher: button }))))
      .then((api) => {
        // Destroyed while it was loading: it never starts.
        if (!api) return;
        real = api;
        for (const call of queue.splice(0)) call[2] = (real[call[0]] as (...a: unknown[]) => () => void)(...call[1]);
      })
      .catch((e: unknown) => {
        loading = undefined;
        console.error('Heard: the widget could not load.', e);
      }));

  const api = {} as HeardApi;
  for (const m of METHODS) {
    (api as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
      if (real) return (real[m] as (...a: unknown[]) => unknown)(...args);
      if (m === 'destroy') {
        // Nothing loaded yet: take the bubble away and never load.
        gone = true;
        host.remove();
        delete w.Heard;
        return undefined;
      }
      const call: Call = [m, args];
      queue.push(call);
      if (m === 'open') void load();
      // `on` promises a way to stop listening, even before the widget is here.
      return m === 'on' ? () => (queue.includes(call) ? queue.splice(queue.indexOf(call), 1) : call[2]?.()) : undefined;
    };
  }
  w.Heard = api;

  // This bubble is replaced by the widget's own once it has loaded. Until then every click
  // asks again: a load that failed (offline at first) is retried, not left dead.
  button.addEventListener('click', () => api.open());
  for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, () => void load(), { passive: true });
  // `data-preload="interaction"`: the page fetches nothing more until the visitor shows interest.
  if (data.preload === 'interaction') return;
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => void load(), { timeout: 5000 }) : setTimeout(load, 3000));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

try {
  start();
} catch (e) {
  console.error('Heard: could not start.', e);
}
