import type { ReadonlySignal, Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageKey, Params, translate } from '../i18n/translate';
import type { newRecordIds } from '../record/ids';
import type { Locale } from '../triage/types';
import type { OutboxPort } from '../transport/messages';
import type { Bridge } from './bridge';
import type { EraseStep } from './PanelMenu';

/** Renders a catalog key in the widget's current language, variant seeded by the complaint id. */
export type Translate = (key: MessageKey, params?: Params) => string;

/** What every component of one widget shares. */
export interface WidgetContextValue {
  bridge: Bridge;
  t: Translate;
  /** The locale the text is currently rendered in (its catalog is loaded). */
  locale: Locale;
  brand: string | undefined;
  privacyUrl: string | undefined;
  /** Prefix for element ids, unique per widget, so two widgets on one page never clash. */
  idPrefix: string;
  /** Unsent composer text: where it starts, and where each change goes. */
  composer: { initial: string; onChange(text: string): void };
  /** The composer's text, kept above the composer so it survives the composer unmounting. */
  draft: Signal<string>;
  transcript: () => string;
  /** Erasing the visitor's data on this device. */
  privacy: PrivacyControls;
  /** Where the visitor is in erasing their data, shared by the menu, the thanks step and the panel. */
  eraseStep: Signal<EraseStep>;
  /** The outbox and delivery a complaint's thread writes follow-ups through; absent in the package's bare UI. */
  thread: ThreadPort | undefined;
}

/**
 * What a complaint's thread needs from the embed. Its download takes the widget's own functions
 * from here rather than importing them, so it shares no code with the widget's download.
 */
export interface ThreadPort extends OutboxPort {
  translate: typeof translate;
  /** New ids: a follow-up's (`id`), and a new complaint's (`complaint.new`). */
  newRecordIds: typeof newRecordIds;
  /** Changes with every outcome of the delivery, so the thread reads again what still waits. */
  changes: ReadonlySignal<number>;
  /** Replies the visitor has not read yet, for the bubble, with its label saying so. */
  unread: Signal<{ count: number; label: string } | null>;
  /**
   * The site's limits on the visitor's files, absent when it takes none: their types, megabytes,
   * and how long an unsent draft's files are kept; `held` while the conversation has files on
   * this device (kept with its draft).
   */
  attach?: { types?: string[] | undefined; maxMb?: number | undefined; maxAgeMs?: number; held?: boolean | undefined };
}

/** What the embed lets the visitor do about the data kept on their device. */
export interface PrivacyControls {
  /** Erases it, or says `waiting` (and erases nothing) while a complaint waits for delivery. */
  erase(): Promise<'erased' | 'waiting'>;
  /** Waits for the waiting complaints to be delivered, then erases; stops when `signal` aborts. */
  eraseWhenDelivered(signal: AbortSignal): Promise<'erased' | 'cancelled'>;
  /** The widget has just restarted after an erase: the panel says it is done. */
  erased: boolean;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

/** The shared widget values; components only work inside `<Widget>`. */
export function useWidget(): WidgetContextValue {
  return useContext(WidgetContext)!;
}
