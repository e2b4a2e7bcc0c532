import type { HeardApi } from './api';
import { mount } from './mount';

/**
 * `<heard-widget data-endpoint="…">`: the same widget as a custom element. Its attributes are
 * the script tag's; its events are dispatched on it as `heard:open`, `heard:submitted`, ….
 * Removing the element destroys the widget.
 */
export class HeardWidgetElement extends HTMLElement {
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

  /** The host API, once the widget has started. */
  get heard(): Promise<HeardApi | null> {
    return this.#api ?? Promise.resolve(null);
  }
}

/** Defines `<heard-widget>` once; a second call does nothing. */
export function defineHeardElement(name = 'heard-widget'): void {
  if (!customElements.get(name)) customElements.define(name, class extends HeardWidgetElement {});
}
