import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { translate, type Catalog } from '../i18n/translate';
import type { Locale } from '../triage/types';
import type { Bridge, ComplaintActor } from './bridge';
import { focusFirstControl, hasFocusWithin } from './focus';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import type { EraseStep } from './PanelMenu';
import { WidgetContext, type PrivacyControls, type ThreadPort, type WidgetContextValue } from './widgetContext';

/** What the embed passes to `renderWidget`. */
export interface WidgetProps {
  actor: ComplaintActor;
  /** The site's name, shown in the title and as the bot's name for screen readers. */
  brand?: string;
  position: 'bottom-right' | 'bottom-left';
  /** Linked from the contact form when given. */
  privacyUrl?: string;
  /** Catalog of the current locale, loaded before first render; the UI calls it on switch. */
  loadCatalog: (locale: Locale) => Promise<Catalog>;
  initialCatalog: Catalog;
  /** The unsent composer text: restored on start, reported on every change (saved as draft). */
  composer: { initial: string; onChange(text: string): void };
  /** The transcript text to copy when delivery was refused (delivery 'rejected'). */
  transcript: () => string;
  /** "Delete my data on this device". */
  privacy: PrivacyControls;
  /** Follow-ups to sent complaints, and the bubble's unread count. */
  thread?: ThreadPort;
}

interface Props extends Omit<WidgetProps, 'actor'> {
  bridge: Bridge;
  idPrefix: string;
}

/** The launcher bubble and the panel, sharing one bridge to the machine. */
export function Widget({ bridge, idPrefix, ...props }: Props) {
  const snapshot = bridge.snapshot.value;
  const { locale, id } = snapshot.context;
  const open = snapshot.matches({ panel: 'open' });
  const [shown, setShown] = useState<{ locale: Locale; catalog: Catalog }>(() => ({
    locale,
    catalog: props.initialCatalog,
  }));
  const draft = useSignal(props.composer.initial);
  const eraseStep = useSignal<EraseStep>(props.privacy.erased ? 'done' : null);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // The machine switches language at once; the text follows when the catalog has loaded, so a
  // slow or failed chunk leaves the previous language on screen rather than blank keys.
  useEffect(() => {
    if (shown.locale === locale) return;
    let current = true;
    props.loadCatalog(locale).then(
      (catalog) => current && setShown({ locale, catalog }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [locale, shown.locale]);

  // Read before this render reaches the DOM: whether the control about to be replaced has focus.
  const hadFocus = hasFocusWithin(panelRef.current);
  const wasOpen = useRef(open);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    if (open && !wasOpen.current) focusFirstControl(panel);
    else if (!open && wasOpen.current && hadFocus) launcherRef.current?.focus();
    else if (open && hadFocus && !hasFocusWithin(panel)) focusFirstControl(panel);
    wasOpen.current = open;
  });

  const value = useMemo<WidgetContextValue>(
    () => ({
      bridge,
      t: (key, params) => translate(shown.catalog, shown.locale, key, params, id),
      locale: shown.locale,
      brand: props.brand,
      privacyUrl: props.privacyUrl,
      idPrefix,
      composer: props.composer,
      draft,
      transcript: props.transcript,
      privacy: props.privacy,
      eraseStep,
      thread: props.thread,
    }),
    [bridge, shown, id, props.brand, props.privacyUrl, idPrefix, props.composer, props.transcript, props.privacy, props.thread],
  );

  // The panel is built the first time it opens, not when the widget starts: start-up on the
  // host page stays short, and a visitor who never opens it never pays for it.
  const built = useRef(open);
  built.current ||= open;

  const close = () => bridge.send({ type: 'panel.close' });
  return (
    <WidgetContext.Provider value={value}>
      <Launcher
        buttonRef={launcherRef}
        open={open}
        position={props.position}
        panelId={built.current ? `${idPrefix}-panel` : undefined}
        onClick={() => bridge.send({ type: open ? 'panel.close' : 'panel.open' })}
      />
      {built.current && <Panel panelRef={panelRef} open={open} position={props.position} onClose={close} />}
    </WidgetContext.Provider>
  );
}
