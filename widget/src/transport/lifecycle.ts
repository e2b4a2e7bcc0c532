import type { DraftSaver } from '../storage/drafts';
import type { Delivery } from './flush';

/**
 * Wires the page's lifecycle to delivery and drafts: flushes the outbox now (start-up), on
 * `online` and when the page becomes visible; saves the draft when it is hidden; on
 * `pagehide` saves the draft and posts the outbox with `keepalive`. Returns a function that
 * removes every listener.
 *
 * @param delivery From `createDelivery`.
 * @param saver From `createDraftSaver`.
 * @param target The window (only the embed passes the real one).
 */
export function wireLifecycle(delivery: Delivery, saver: DraftSaver, target: LifecycleTarget): () => void {
  const doc = target.document;
  const onOnline = (): void => void delivery.flush();
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'hidden') void saver.flush();
    else void delivery.flush();
  };
  const onPagehide = (): void => {
    void saver.flush();
    delivery.flushOnPagehide();
  };
  target.addEventListener('online', onOnline);
  target.addEventListener('pagehide', onPagehide);
  doc?.addEventListener('visibilitychange', onVisibility);
  void delivery.flush();
  return () => {
    target.removeEventListener('online', onOnline);
    target.removeEventListener('pagehide', onPagehide);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}

export type LifecycleTarget = EventTarget & {
  document?: EventTarget & { visibilityState?: DocumentVisibilityState | string };
};
