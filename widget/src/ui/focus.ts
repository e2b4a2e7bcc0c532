/*
 * Focus helpers. The panel lives in a shadow root, so "what has focus" is the root's
 * `activeElement`, not the document's (which only sees the host element).
 */

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The focused element within `node`'s root (shadow root or document), if any. */
export function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  if (!('activeElement' in root)) return null;
  try {
    return root.activeElement;
  } catch {
    // Some DOM implementations throw when focus is inside another, unrelated shadow root;
    // focus is then not in ours.
    return null;
  }
}

/** Whether focus is on `container` or anything inside it. */
export function hasFocusWithin(container: Element | null): boolean {
  if (!container || !container.isConnected) return false;
  const active = activeElementOf(container);
  return !!active && container.contains(active);
}

/**
 * Elements Tab reaches inside `container`, in order; hidden ones are skipped, and so are those a
 * stylesheet does not show (a composer put aside while a thread shows its own).
 */
export function tabbables(container: Element): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[hidden],[inert]') && el.checkVisibility?.() !== false,
  );
}

/**
 * Moves focus to the current step's first control: the control a step marks with
 * `data-autofocus`, else the composer, else the dialog itself, so focus is never lost to
 * the page body.
 */
export function focusFirstControl(panel: HTMLElement): void {
  const target =
    panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel.querySelector<HTMLElement>('textarea') ?? panel;
  target.focus();
}

/**
 * Keeps Tab and Shift+Tab inside `container` (the full-screen panel on small screens).
 *
 * @returns whether the key press was handled
 */
export function trapTab(container: HTMLElement, event: KeyboardEvent): boolean {
  if (event.key !== 'Tab') return false;
  const items = tabbables(container);
  if (items.length === 0) {
    event.preventDefault();
    return true;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = activeElementOf(container);
  const inside = !!active && container.contains(active);
  if (event.shiftKey && (active === first || !inside || active === container)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}
