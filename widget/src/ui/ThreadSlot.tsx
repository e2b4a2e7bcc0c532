import { useEffect, useRef } from 'preact/hooks';
import { useWidget } from './widgetContext';

type View = ReturnType<typeof import('./Thread').showThread>;

/**
 * Where a complaint's thread appears once the status reader found complaints whose server keeps
 * threads. The view is a download of its own, fetched then, so no one else pays for it; it gets
 * the widget's shared values and reads the conversation from them on every render.
 */
export function ThreadSlot() {
  const widget = useWidget();
  const wanted = widget.bridge.snapshot.value.context.pastStatuses?.some((p) => p.status.messages) && widget.thread;
  const ref = useRef<HTMLDivElement>(null);
  const view = useRef<Promise<View>>();
  useEffect(() => {
    // Not fetched (offline): the statuses in the conversation still say what became of each.
    if (wanted) (view.current ??= import('./Thread').then((m) => m.showThread(ref.current!, widget))).then((v) => v.update(widget), () => {});
  });
  useEffect(() => () => void view.current?.then((v) => v.destroy(), () => {}), []);
  return wanted ? <div ref={ref} /> : null;
}
