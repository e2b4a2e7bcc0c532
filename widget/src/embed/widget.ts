import type { HeardApi } from './api';
import { parseConfig, reportProblems } from './config';
import { startWidget } from './runtime';

export { defineHeardElement } from './element';

/** What the one-tag loader hands over once the visitor shows interest. */
export interface BootOptions {
  /** The element holding the shadow root (created by the loader). */
  host: HTMLElement;
  root: ShadowRoot;
  /** `data-*` attributes merged with `window.HeardConfig`. */
  data: Record<string, unknown>;
  /** The loader's bubble, replaced by the widget's own. */
  launcher: HTMLElement;
}

/**
 * The widget chunk's entry, loaded by `heard.js`: reads the configuration, starts the widget in
 * the loader's shadow root and returns the host API. Bad settings are reported once each and
 * replaced by defaults; only a missing endpoint stops it.
 */
export async function boot({ host, root, data, launcher }: BootOptions): Promise<HeardApi> {
  const { config, problems } = parseConfig(data, location.href);
  reportProblems(problems);
  if (!config) {
    host.remove();
    throw new Error('no endpoint');
  }
  const api = await startWidget(host, root, config, { window, document });
  // The visitor may have tabbed to the loader's bubble, even while the widget was starting:
  // keep their place on the new one.
  const hadFocus = root.activeElement === launcher;
  launcher.remove();
  if (hadFocus) root.querySelector<HTMLElement>('.heard-launcher')?.focus();
  const destroy = api.destroy;
  return {
    ...api,
    destroy: () => {
      destroy();
      host.remove();
      delete (window as { Heard?: unknown }).Heard;
    },
  };
}
