import { useEffect, useState } from 'preact/hooks';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/**
 * Whether the bubble should step aside: true while an element of the host page that has focus
 * sits under the bubble's usual corner (WCAG 2.4.11, focus not obscured). The check is against
 * the usual corner, so the bubble returns as soon as focus moves elsewhere.
 *
 * @param ref the bubble
 * @param active whether to watch at all (not while the panel is open)
 */
export function useAvoidFocused(ref: { readonly current: HTMLElement | null }, active: boolean): boolean {
  const [avoid, setAvoid] = useState(false);
  useEffect(() => {
    const button = ref.current;
    if (!button || !active) {
      setAvoid(false);
      return;
    }
    const doc = button.ownerDocument;
    const root = button.getRootNode();
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      // Focus inside the widget itself (seen from the page as its host element) is ours.
      if (!(target instanceof Element) || target === (root as ShadowRoot).host || button.contains(target)) return;
      const box = button.getBoundingClientRect();
      let home: Box = box;
      if (button.dataset['avoid'] === 'true') {
        // Currently mirrored: compare with where it normally sits.
        const width = doc.documentElement.clientWidth;
        home = { left: width - box.right, right: width - box.left, top: box.top, bottom: box.bottom };
      }
      setAvoid(overlaps(target.getBoundingClientRect(), home));
    };
    doc.addEventListener('focusin', onFocusIn, true);
    return () => doc.removeEventListener('focusin', onFocusIn, true);
  }, [active]);
  return avoid;
}
