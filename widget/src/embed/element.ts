import type { HeardApi } from './api';
import { mount } from './mount';

/** `<heard-widget>` as the page sees it: an element with the host API once started. */
export interface HeardWidgetElement extends HTMLElement {
  /** The host API, once the widget has started (null if it could not). */
  readonly heard: Promise<HeardApi | null>;
}

/**
 * Defines `<heard-widget data-endpoint="…">`: the same widget as a custom element. Its
 * attributes are the script tag's; its events are dispatched on it as `heard:open`,
 * `heard:submitted`, …; removing the element destroys the widget. A second call does nothing.
 * The class is created here, not at import time, so importing Heard where there is no DOM
 * (server rendering, Node) is safe.
 *
 * @param name the tag name, `heard-widget` by default
 */
export function defineHeardElement(name = 'heard-widget'): void {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement implements HeardWidgetElement {
      #api: Promise<HeardApi | null> | null = null;

      connectedCallback(): void {
        this.#api ??= mount(this, { ...this.dataset }).catch((e: unknown) => {
          console.error(e instanceof Error ? e.message : e);
          return null;
        });
      }

      disconnectedCallback(): void {
        const api = this.#api;
        this.#api = null;
        void api?.then((a) => a?.destroy());
      }

      get heard(): Promise<HeardApi | null> {
        return this.#api ?? Promise.resolve(null);
      }
    },
  );
}
