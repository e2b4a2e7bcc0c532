/*
 * The bubble, shared by the tiny loader (which draws it before the widget has loaded) and the
 * widget's own launcher, so the hand-over is invisible. Plain strings with no imports: the
 * loader's size budget is 2 KB gzipped.
 */

/** The launcher's stylesheet. Host CSS cannot reach into the shadow root; `all: initial` on
 * `:host` stops inherited properties leaking in. */
export const launcherCss =
  ':host{all:initial;--heard-accent:#0b5fff;--heard-on-accent:#fff}' +
  '.heard-launcher{all:initial;box-sizing:border-box;position:fixed;bottom:20px;right:20px;z-index:2147483000;' +
  'display:flex;align-items:center;justify-content:center;width:56px;height:56px;border-radius:50%;cursor:pointer;' +
  'background:var(--heard-accent);color:var(--heard-on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
  '.heard-launcher[data-position=bottom-left]{right:auto;left:20px}' +
  '.heard-launcher:focus-visible{outline:3px solid var(--heard-accent);outline-offset:3px;box-shadow:0 0 0 3px #fff}' +
  '.heard-launcher svg{display:block;width:28px;height:28px;fill:currentColor;pointer-events:none}' +
  '@media (forced-colors:active){.heard-launcher{border:2px solid ButtonText}}';

/** A speech bubble with an exclamation mark: "something to tell us". */
export const launcherIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm7 3v6h2V6zm0 8v2h2v-2z"/></svg>';

/** The launcher's accessible name before the catalogs load, by language. */
export const launcherLabels: Record<string, string> = {
  en: 'Raise a complaint',
  ms: 'Buat aduan',
  hu: 'Panasz bejelentése',
  sk: 'Podať sťažnosť',
};
