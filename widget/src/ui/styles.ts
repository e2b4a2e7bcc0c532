import { LAUNCHER_CSS } from './launcherStyles';

/*
 * The widget's styles, as constructable stylesheets adopted by its shadow root: nothing is
 * injected into the host page, host rules cannot reach in (only inherited properties and
 * `:host` rules cross the boundary, and `all: initial` resets those), and a strict CSP that
 * blocks inline styles does not matter. Theme through the custom properties on `:host`.
 */

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/** Theme variables, light and dark, and the reset that makes the host page's CSS irrelevant. */
export function hostSheet(): CSSStyleSheet {
  return sheet(`
:host {
  all: initial;
  display: block;
  position: static;
  --heard-accent: #1f5fd1;
  --heard-on-accent: #ffffff;
  --heard-bg: #ffffff;
  --heard-fg: #1a1c1f;
  --heard-surface: #eef1f5;
  --heard-border: #6b7280;
  --heard-muted: #4b5563;
  --heard-error: #b3261e;
  --heard-focus: #1f5fd1;
  --heard-radius: 12px;
  --heard-shadow: 0 12px 40px rgba(0, 0, 0, .25);
  --heard-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
/* The text basics again, inside the shadow root: a host page rule with !important on the host
   element (e.g. "* { font-size: 40px !important }") beats :host, but cannot reach in here. */
:host,
.heard-root {
  color-scheme: light dark;
  font-family: var(--heard-font);
  font-size: 16px;
  font-weight: 400;
  font-style: normal;
  line-height: 1.45;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: left;
  text-transform: none;
  text-indent: 0;
  text-shadow: none;
  white-space: normal;
  direction: ltr;
  visibility: visible;
  cursor: auto;
  color: var(--heard-fg);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
@media (prefers-color-scheme: dark) {
  :host {
    --heard-bg: #1c1e22;
    --heard-fg: #eceef1;
    --heard-surface: #2b2f36;
    --heard-border: #8b929c;
    --heard-muted: #c2c7cf;
    --heard-error: #ffb4ab;
    --heard-focus: #9dbcff;
  }
}
/* Only our own rules and the browser's defaults apply in here; this undoes the defaults. */
* {
  box-sizing: border-box;
  margin: 0;
  padding: 0;
  border: 0;
  font: inherit;
  color: inherit;
  min-width: 0;
}
[hidden] {
  display: none !important;
}
:focus {
  outline: none;
}
:focus-visible,
/* The attach button is the label of a file input hidden inside it: the label shows its focus. */
.heard-files label:has(:focus-visible) {
  outline: 3px solid var(--heard-focus);
  outline-offset: 2px;
}
.heard-sr,
.heard-pending {
  position: absolute !important;
  width: 1px !important;
  height: 1px !important;
  overflow: hidden !important;
  clip: rect(0 0 0 0) !important;
  clip-path: inset(50%) !important;
  white-space: nowrap !important;
}
@media (prefers-reduced-motion: reduce) {
  * {
    animation: none !important;
    transition: none !important;
  }
}
`);
}

/** The bubble, shared with the loader. */
export function launcherSheet(): CSSStyleSheet {
  return sheet(LAUNCHER_CSS);
}

/** The panel: a floating card on wide screens, the whole screen below 480 px. */
export function panelSheet(): CSSStyleSheet {
  return sheet(`
.heard-panel {
  position: fixed;
  z-index: 2147483647;
  right: 20px;
  bottom: 88px;
  display: flex;
  flex-direction: column;
  width: min(400px, calc(100vw - 40px));
  height: min(640px, calc(100vh - 108px));
  max-height: calc(100dvh - 108px);
  background: var(--heard-bg);
  border: 1px solid var(--heard-border);
  border-radius: var(--heard-radius);
  box-shadow: var(--heard-shadow);
  overflow: hidden;
}
.heard-panel[data-position="bottom-left"] {
  right: auto;
  left: 20px;
}
.heard-panel:focus-visible {
  outline-offset: -3px;
}
.heard-header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
  padding: 10px 10px 10px 16px;
  border-bottom: 1px solid var(--heard-border);
  flex: none;
}
.heard-title {
  flex: 1 1 0;
  font-size: 17px;
  font-weight: 600;
  line-height: 1.3;
  overflow-wrap: anywhere;
}
.heard-toolbar {
  display: flex;
  flex: 1 1 100%;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
}
.heard-language {
  display: flex;
  align-items: center;
  gap: 6px;
  font-size: 14px;
  color: var(--heard-muted);
}
.heard-select {
  min-height: 32px;
  max-width: 100%;
  padding: 4px 8px;
  border: 1px solid var(--heard-border);
  border-radius: 8px;
  background: var(--heard-bg);
  color: var(--heard-fg);
}
.heard-step {
  display: flex;
  flex-direction: column;
  gap: 10px;
  flex: none;
  max-height: 55%;
  overflow-y: auto;
  padding: 12px 16px 16px;
  border-top: 1px solid var(--heard-border);
}
.heard-step:empty {
  display: none;
}
@media (max-width: 479.98px) {
  .heard-panel[data-position] {
    inset: 0;
    width: 100%;
    height: 100%;
    max-height: none;
    border: 0;
    border-radius: 0;
    box-shadow: none;
  }
  .heard-step {
    max-height: 60%;
  }
}
`);
}

/** The message log and the typing indicator. */
export function logSheet(): CSSStyleSheet {
  return sheet(`
.heard-log {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overflow-x: hidden;
  padding: 12px 16px;
  overscroll-behavior: contain;
}
.heard-lines {
  display: flex;
  flex-direction: column;
  gap: 8px;
  list-style: none;
}
.heard-line {
  max-width: 85%;
  padding: 8px 12px;
  border-radius: var(--heard-radius);
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.heard-from-bot {
  align-self: flex-start;
  background: var(--heard-surface);
  border-bottom-left-radius: 4px;
}
.heard-from-visitor {
  align-self: flex-end;
  background: var(--heard-accent);
  color: var(--heard-on-accent);
  border-bottom-right-radius: 4px;
}
.heard-typing {
  display: flex;
  gap: 4px;
  width: max-content;
  margin-top: 8px;
  padding: 12px;
  border-radius: var(--heard-radius);
  background: var(--heard-surface);
}
.heard-dot {
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: var(--heard-muted);
  animation: heard-blink 1.2s infinite ease-in-out;
}
.heard-dot:nth-child(2) {
  animation-delay: .2s;
}
.heard-dot:nth-child(3) {
  animation-delay: .4s;
}
@keyframes heard-blink {
  0%,
  80%,
  100% {
    opacity: .3;
  }
  40% {
    opacity: 1;
  }
}
@media (forced-colors: active) {
  .heard-line {
    border: 1px solid CanvasText;
  }
}
`);
}

/** Buttons, fields and errors: targets at least 44 px where there is room, 24 px at least. */
export function controlsSheet(): CSSStyleSheet {
  return sheet(`
.heard-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
}
.heard-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 8px;
  min-height: 44px;
  min-width: 44px;
  padding: 10px 16px;
  border-radius: var(--heard-radius);
  border: 1px solid transparent;
  cursor: pointer;
  font-size: 15px;
  font-weight: 500;
  line-height: 1.2;
  text-align: center;
  overflow-wrap: anywhere;
}
.heard-primary {
  background: var(--heard-accent);
  color: var(--heard-on-accent);
  border-color: var(--heard-accent);
}
.heard-secondary {
  background: transparent;
  border-color: var(--heard-border);
}
.heard-button:hover {
  filter: brightness(1.08);
}
.heard-secondary:hover {
  background: var(--heard-surface);
}
.heard-person {
  min-height: 32px;
  padding: 4px 12px;
  font-size: 14px;
}
[aria-disabled="true"] {
  cursor: progress;
  opacity: .85;
}
.heard-spinner {
  width: 16px;
  height: 16px;
  border-radius: 50%;
  border: 2px solid currentColor;
  border-right-color: transparent;
  animation: heard-spin .8s linear infinite;
}
@keyframes heard-spin {
  to {
    transform: rotate(360deg);
  }
}
.heard-icon-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 44px;
  height: 44px;
  flex: none;
  border-radius: 50%;
  background: transparent;
  cursor: pointer;
}
.heard-icon-button:hover {
  background: var(--heard-surface);
}
.heard-icon-button svg {
  width: 22px;
  height: 22px;
  fill: currentColor;
}
.heard-composer,
.heard-contact,
.heard-other,
.heard-outcomes,
.heard-thanks,
.heard-quick,
.heard-offer {
  display: flex;
  flex-direction: column;
  gap: 8px;
}
.heard-erase {
  display: flex;
  flex-direction: column;
  gap: 8px;
}
.heard-menu {
  display: contents;
}
.heard-menu-list {
  order: 1;
  flex: 1 1 100%;
}
.heard-field {
  display: flex;
  flex-direction: column;
  gap: 4px;
}
/* The form scrolls inside the step; its action stays at the step's foot, above what scrolls. */
.heard-contact > .heard-actions {
  position: sticky;
  bottom: -16px;
  padding: 8px 0 16px;
  margin-bottom: -16px;
  border-top: 1px solid var(--heard-border);
  background: var(--heard-bg);
}
.heard-check {
  flex-direction: row;
  align-items: flex-start;
  gap: 10px;
}
.heard-label {
  display: block;
  font-size: 15px;
  font-weight: 500;
}
.heard-check .heard-label {
  font-weight: 400;
}
.heard-optional,
.heard-note,
.heard-counter,
.heard-privacy {
  color: var(--heard-muted);
  font-size: 14px;
  font-weight: 400;
}
.heard-required,
.heard-over {
  color: var(--heard-error);
}
.heard-input,
.heard-textarea {
  width: 100%;
  min-height: 44px;
  padding: 10px 12px;
  border: 1px solid var(--heard-border);
  border-radius: 8px;
  background: var(--heard-bg);
  line-height: 1.4;
}
.heard-textarea {
  resize: none;
  overflow-y: auto;
  max-height: 160px;
  overflow-wrap: anywhere;
  field-sizing: content;
}
.heard-transcript {
  height: 120px;
  max-height: none;
  font-size: 13px;
}
::placeholder {
  color: var(--heard-muted);
  opacity: 1;
}
.heard-checkbox {
  width: 24px;
  height: 24px;
  flex: none;
  margin-top: 1px;
  accent-color: var(--heard-accent);
  -webkit-appearance: checkbox;
}
.heard-error {
  color: var(--heard-error);
  font-size: 14px;
  font-weight: 500;
}
.heard-link {
  color: var(--heard-focus);
}
.heard-star {
  padding: 10px;
}
.heard-select {
  -webkit-appearance: menulist;
}
@media (forced-colors: active) {
  .heard-button,
  .heard-input,
  .heard-textarea {
    border: 1px solid ButtonText;
  }
}
[aria-invalid="true"] {
  border: 2px solid var(--heard-error);
}
`);
}

/** Every sheet the widget adopts, in cascade order. */
export function widgetSheets(): CSSStyleSheet[] {
  return [hostSheet(), launcherSheet(), panelSheet(), logSheet(), controlsSheet()];
}
