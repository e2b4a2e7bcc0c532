import { useEffect, useRef } from 'preact/hooks';
import { useWidget } from './widgetContext';

/**
 * Where the status of the visitor's earlier complaints appears once the machine has some. The
 * view is fetched then, like the status reader, so a first-time visitor never downloads it.
 */
export function StatusSlot() {
  const { bridge, t } = useWidget();
  // (Undefined in a conversation saved by an older version.)
  const past = bridge.snapshot.value.context.pastStatuses;
  const ref = useRef<HTMLDivElement>(null);
  const undo = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (past?.length) {
      // Views resolve in the order asked, so the newest statuses are the ones left on screen.
      import('./PastStatuses').then(
        (view) => ref.current && (undo.current = view.showPastStatuses(ref.current, past, t)),
        // Not fetched (offline): nothing is shown.
        () => {},
      );
    }
  }, [past, t]);
  useEffect(() => () => undo.current?.(), []);
  // Nothing at all in the log for a visitor with no earlier complaints to hear about.
  return past?.length ? <div ref={ref} /> : null;
}
