import { render } from 'preact';
import { createBridge } from './bridge';
import { widgetSheets } from './styles';
import { Widget, type WidgetProps } from './Widget';

export type { Bridge, ComplaintActor, ComplaintSnapshot, UiEvent } from './bridge';
export { createBridge } from './bridge';
export { isColor, onAccent } from './theme';
export { LAUNCHER_CSS, LAUNCHER_ICON_PATH, LAUNCHER_ICON_VIEWBOX } from './launcherStyles';
export type { WidgetProps } from './Widget';

/** What `renderWidget` returns: `destroy()` undoes everything it did. */
export interface WidgetHandle {
  destroy(): void;
}

let mounted = 0;

/**
 * Renders the widget into a shadow root: adopts its stylesheets, adds one container and
 * renders the launcher and panel into it.
 *
 * @param root an open shadow root the embed created
 * @param props the running actor, theme and language, and the draft hooks
 * @returns a handle whose `destroy()` unmounts the UI, removes the container and the adopted
 *   stylesheets, and stops listening to the actor (which its owner stops)
 */
export function renderWidget(root: ShadowRoot, props: WidgetProps): WidgetHandle {
  const sheets = widgetSheets();
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  const container = root.ownerDocument.createElement('div');
  container.className = 'heard-root';
  root.appendChild(container);
  const bridge = createBridge(props.actor);
  const { actor: _actor, ...rest } = props;
  render(<Widget {...rest} bridge={bridge} idPrefix={`heard-${++mounted}`} />, container);

  let destroyed = false;
  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      render(null, container);
      container.remove();
      bridge.dispose();
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !sheets.includes(s));
    },
  };
}
