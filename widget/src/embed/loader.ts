import { LAUNCHER_CSS, LAUNCHER_ICON_PATH, LAUNCHER_ICON_VIEWBOX } from '../ui/launcherStyles';
import type { HeardApi } from './api';
import type { BootOptions } from './widget';

/*
 * heard.js: the one tag. It draws the bubble at once and loads the rest of the widget only when
 * the visitor shows interest (pointer over, focus, click) or, unless `data-preload="interaction"`,
 * the browser is idle after the host page's load event, so the page pays almost nothing for a
 * widget nobody opens. Loading it twice makes one widget. It never throws into the host page.
 */

/** What the page's `window` carries for Heard. */
interface HeardGlobals {
  Heard?: HeardApi;
  HeardConfig?: Record<string, unknown>;
}

/** The widget chunk, `heard-widget.js`. */
interface WidgetModule {
  boot(options: BootOptions): Promise<HeardApi>;
  defineHeardElement(): void;
}

/** A call the host page made before the widget loaded, replayed on the real API once it has. */
type PendingCall = (api: HeardApi) => void;

/** The bubble's accessible name before the catalogs load (they say the same: `ui.launcher`). */
const LABELS: Record<string, string> = {
  en: 'Raise a complaint',
  ms: 'Buat aduan',
  hu: 'Panasz bejelentése',
  sk: 'Podať sťažnosť',
};

const HEX_COLOUR = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Black or white text on a hex accent, by WCAG contrast (the widget's `onAccent`, hex only). */
function onAccent(accent: string): string {
  const hex = accent.length < 7 ? accent.slice(1, 4).replace(/./g, '$&$&') : accent.slice(1, 7);
  const weights = [0.2126, 0.7152, 0.0722];
  let luminance = 0;
  for (let i = 0; i < 3; i++) {
    const channel = parseInt(hex.slice(i * 2, i * 2 + 2), 16) / 255;
    const linear = channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    luminance += (weights[i] ?? 0) * linear;
  }
  const againstBlack = (luminance + 0.05) / 0.05;
  const againstWhite = 1.05 / (luminance + 0.05);
  return againstBlack > againstWhite ? '#000000' : '#ffffff';
}

/** Lets the page run between two steps: evaluating the widget chunk is enough for one task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/** The element holding the shadow root, styled so no host page rule can move or hide it. */
function createHost(accent: string): HTMLElement {
  const host = document.createElement('heard-root');
  // Out of the page's flow (so adding it does not lay the page out again), and inline
  // !important beats even a host page's `* { all: unset !important }`.
  host.style.setProperty('position', 'fixed', 'important');
  // A fixed host is a stacking context of its own: at the top z-index, so the bubble and
  // panel inside it still sit above a host page's z-index wars.
  host.style.setProperty('z-index', '2147483647', 'important');
  if (HEX_COLOUR.test(accent)) {
    host.style.setProperty('--heard-accent', accent);
    host.style.setProperty('--heard-on-accent', onAccent(accent));
  }
  return host;
}

/** The bubble the loader draws; the widget replaces it with its own once it has started. */
function createBubble(data: Record<string, unknown>): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = 'heard-launcher';
  button.type = 'button';
  button.setAttribute('part', 'launcher');
  button.setAttribute('data-position', data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right');
  button.setAttribute('aria-expanded', 'false');
  const language = String(data.locale || navigator.language || 'en').slice(0, 2);
  button.setAttribute('aria-label', LABELS[language] ?? LABELS.en ?? '');
  button.innerHTML = `<svg viewBox="${LAUNCHER_ICON_VIEWBOX}" aria-hidden="true" focusable="false"><path d="${LAUNCHER_ICON_PATH}"/></svg>`;
  return button;
}

function start(): void {
  const page: Window & HeardGlobals = window;
  if (page.Heard) return;
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const data: Record<string, unknown> = { ...script?.dataset, ...page.HeardConfig };
  const chunk = new URL('heard-widget.js', script?.src || location.href).href;
  const importWidget = async (): Promise<WidgetModule> => import(/* @vite-ignore */ chunk);

  if (!data.endpoint) {
    // The tag may be there only to define <heard-widget> elements, which carry their own.
    if (document.querySelector('heard-widget')) {
      importWidget().then(
        (widget) => widget.defineHeardElement(),
        (error: unknown) => console.error('Heard: the widget could not load.', error),
      );
    } else {
      console.error('Heard: data-endpoint is required: the URL complaints are sent to.');
    }
    return;
  }

  const host = createHost(String(data.accent || ''));
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LAUNCHER_CSS);
  root.adoptedStyleSheets = [sheet];
  const bubble = createBubble(data);
  root.append(bubble);
  (document.body || document.documentElement).append(host);

  const pending: PendingCall[] = [];
  let real: HeardApi | undefined;
  let loading: Promise<void> | undefined;
  /** `destroy()` came before the widget: it never starts. */
  let destroyed = false;

  const boot = async (): Promise<void> => {
    try {
      const widget = await importWidget();
      await nextTask();
      if (destroyed) return;
      const api = await widget.boot({ host, root, data, launcher: bubble });
      real = api;
      for (const call of pending.splice(0)) call(api);
    } catch (error) {
      // Offline at first, say: the next gesture on the bubble tries again.
      loading = undefined;
      console.error('Heard: the widget could not load.', error);
    }
  };
  const load = (): void => {
    if (!destroyed) loading ??= boot();
  };

  /** Calls the real API when it is there; until then queues the call (and, for `open`, loads). */
  const whenLoaded = (call: PendingCall): void => {
    if (real) call(real);
    else pending.push(call);
  };

  const api: HeardApi = {
    open() {
      whenLoaded((heard) => heard.open());
      load();
    },
    close() {
      whenLoaded((heard) => heard.close());
    },
    identify(identity) {
      whenLoaded((heard) => heard.identify(identity));
    },
    on(event, listener) {
      if (real) return real.on(event, listener);
      // A way to stop listening, even before the widget is here.
      let stop: (() => void) | undefined;
      const subscribe: PendingCall = (heard) => {
        stop = heard.on(event, listener);
      };
      pending.push(subscribe);
      return () => {
        const at = pending.indexOf(subscribe);
        if (at >= 0) pending.splice(at, 1);
        else stop?.();
      };
    },
    destroy() {
      if (real) return real.destroy();
      // Nothing loaded yet: take the bubble away and never load.
      destroyed = true;
      host.remove();
      delete page.Heard;
    },
  };
  page.Heard = api;

  // This bubble is replaced by the widget's own once it has loaded. Until then every click
  // asks again: a load that failed (offline at first) is retried, not left dead.
  bubble.addEventListener('click', () => api.open());
  for (const type of ['pointerenter', 'focus', 'touchstart']) bubble.addEventListener(type, load, { passive: true });
  // `data-preload="interaction"`: the page fetches nothing more until the visitor shows interest.
  if (data.preload === 'interaction') return;
  const whenIdle = (): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 5000 });
    else setTimeout(load, 3000);
  };
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}

try {
  start();
} catch (error) {
  console.error('Heard: could not start.', error);
}
