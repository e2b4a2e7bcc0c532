import { useEffect, useState } from 'preact/hooks';

/** Below this width the panel fills the screen and keeps focus inside. */
export const SMALL_SCREEN = '(max-width: 479.98px)';
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * Whether a media query matches, for the window that shows `ref`'s element. Read through the
 * element's own document rather than a global, so the widget works in any frame it is
 * rendered into.
 */
export function useMediaQuery(ref: { readonly current: Element | null }, query: string): boolean {
  const [matches, setMatches] = useState(false);
  useEffect(() => {
    const view = ref.current?.ownerDocument.defaultView;
    if (!view || typeof view.matchMedia !== 'function') return;
    const list = view.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
