import type { HeardApi } from './api';
import { parseConfig, reportProblems, type RawConfig } from './config';
import { startWidget } from './runtime';

/**
 * Mounts the widget inside `element` for sites that bundle Heard: a shadow root on the element
 * holds everything, and `destroy()` removes it all again.
 *
 * @param element where the widget lives; its shadow root is created if it has none
 * @param config the same settings as the `data-*` attributes, camelCased (`endpoint`,
 *   `locale`, `brand`, `accent`, `position`, `outcomes`, `requiredContact`, `slaHours`,
 *   `businessHours`, `businessDays`, `timeZone`, `holidays`, `privacyUrl`, …)
 * @returns the host API
 * @throws when `config.endpoint` is missing or not an http(s) URL
 *
 * @example
 * import { mount } from 'heard';
 * const heard = await mount(document.querySelector('#help')!, { endpoint: 'https://shop.example/complaints' });
 * heard.identify({ name: 'Ana', email: 'ana@shop.example' });
 */
export async function mount(element: HTMLElement, config: RawConfig): Promise<HeardApi> {
  const { config: parsed, problems } = parseConfig(config, location.href);
  reportProblems(problems);
  // Without a config the first problem is always the endpoint's.
  if (!parsed) throw new Error(`Heard: ${problems[0]!.attribute} ${problems[0]!.message}`);
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  return startWidget(element, root, parsed, { window, document });
}
