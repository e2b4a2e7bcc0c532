import { useEffect, useRef } from 'preact/hooks';
import type { EraseView, createEraseView } from './EraseData';
import { useWidget } from './widgetContext';

let module: Promise<{ createEraseView: typeof createEraseView }> | undefined;

/**
 * Fetches the "Delete my data on this device" view (`EraseData.ts`, a download of its own: a
 * visitor who only sends a complaint never fetches it). Once; a failed fetch is forgotten so the
 * next try fetches again. The menu calls it as it opens, so the view is there by the time its
 * item is chosen.
 */
export function loadEraseView(): Promise<{ createEraseView: typeof createEraseView }> {
  module ??= import('./EraseData').catch((error: unknown) => {
    module = undefined;
    throw error;
  });
  return module;
}

/** Where the erase view appears, in the panel's step area, while the visitor erases their data. */
export function EraseSlot() {
  const { t, idPrefix, privacy, eraseStep } = useWidget();
  const step = eraseStep.value;
  const ref = useRef<HTMLDivElement>(null);
  const view = useRef<EraseView | null>(null);
  useEffect(() => {
    let mounted = true;
    loadEraseView().then(
      (loaded) => {
        if (!mounted || !ref.current) return;
        view.current = loaded.createEraseView(ref.current, { t, idPrefix, privacy, setStep: (next) => (eraseStep.value = next) });
        if (eraseStep.value) view.current.show(eraseStep.value);
      },
      // Not fetched (offline): back to the conversation, as if the item had not been chosen.
      () => mounted && (eraseStep.value = null),
    );
    return () => {
      mounted = false;
      view.current?.remove();
      view.current = null;
    };
    // Made again in another language when the visitor switches; steps are shown by the effect below.
  }, [t]);
  useEffect(() => {
    if (step) view.current?.show(step);
  }, [step]);
  return <div ref={ref} />;
}
