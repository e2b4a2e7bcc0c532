/*
 * The bubble's look, shared with the tiny loader, which draws an identical bubble before the
 * widget has loaded so nothing jumps when the widget takes over. Plain strings, no imports,
 * so the loader stays tiny. Markup both must use:
 *
 *   <button class="heard-launcher" part="launcher" data-position="bottom-right|bottom-left"
 *     [data-avoid="true" while it would cover the host page's focused element]>
 *     <svg viewBox="{LAUNCHER_ICON_VIEWBOX}" aria-hidden="true" focusable="false">
 *       <path d="{LAUNCHER_ICON_PATH}"/></svg>
 *   </button>
 */

/** The speech-bubble icon's path, drawn in `currentColor`. */
export const LAUNCHER_ICON_PATH =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-4.2 3.4A.5.5 0 0 1 4 21v-3a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm3 5.25a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5Zm5 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5Zm5 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5Z';

export const LAUNCHER_ICON_VIEWBOX = '0 0 24 24';

/** The bubble's CSS; every colour falls back to the default theme when no variable is set. */
export const LAUNCHER_CSS = `
.heard-launcher {
  all: initial;
  --heard-inset: 20px;
  box-sizing: border-box;
  position: fixed;
  bottom: var(--heard-inset);
  right: var(--heard-inset);
  z-index: 2147483647;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 56px;
  height: 56px;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: 50%;
  cursor: pointer;
  background: var(--heard-accent, #1f5fd1);
  color: var(--heard-on-accent, #ffffff);
  box-shadow: 0 4px 14px rgba(0, 0, 0, .28);
  -webkit-tap-highlight-color: transparent;
}
/* Moved to the other corner while a host page element it would cover has focus. */
.heard-launcher[data-position="bottom-left"],
.heard-launcher[data-avoid="true"] {
  right: auto;
  left: var(--heard-inset);
}
.heard-launcher[data-position="bottom-left"][data-avoid="true"] {
  left: auto;
  right: var(--heard-inset);
}
.heard-launcher svg {
  display: block;
  width: 28px;
  height: 28px;
  fill: currentColor;
  pointer-events: none;
}
.heard-launcher:hover {
  filter: brightness(1.08);
}
.heard-launcher:focus {
  outline: none;
}
.heard-launcher:focus-visible {
  outline: 3px solid var(--heard-focus, #1f5fd1);
  outline-offset: 3px;
  box-shadow: 0 0 0 6px var(--heard-bg, #ffffff);
}
@media (forced-colors: active) {
  .heard-launcher {
    border: 2px solid ButtonText;
  }
}
@media (max-width: 479.98px) {
  .heard-launcher {
    --heard-inset: 12px;
  }
}
`;
