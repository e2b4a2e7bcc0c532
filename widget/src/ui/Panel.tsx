import type { RefObject } from 'preact';
import type { MessageKey } from '../i18n/translate';
import { LOCALES, type Locale } from '../triage/types';
import { Commit } from './Commit';
import { Composer } from './Composer';
import { ContactForm } from './ContactForm';
import { EraseSlot } from './EraseSlot';
import { trapTab } from './focus';
import { Log } from './Log';
import { SMALL_SCREEN, useMediaQuery } from './media';
import { OutcomeChoices } from './OutcomeChoices';
import { PanelMenu } from './PanelMenu';
import { QuickReplies } from './QuickReplies';
import { Thanks } from './Thanks';
import { ThreadSlot } from './ThreadSlot';
import { Button } from './Button';
import { useWidget } from './widgetContext';

interface Props {
  panelRef: RefObject<HTMLDivElement>;
  open: boolean;
  position: 'bottom-right' | 'bottom-left';
  onClose(): void;
}

/**
 * The conversation panel: a non-modal dialog on wide screens; full-screen below 480 px, where
 * it is modal and keeps Tab inside (the page behind it cannot be seen anyway).
 */
export function Panel({ panelRef, open, position, onClose }: Props) {
  const { bridge, t, brand, idPrefix, locale, eraseStep } = useWidget();
  const snapshot = bridge.snapshot.value;
  const small = useMediaQuery(panelRef, SMALL_SCREEN);
  const titleId = `${idPrefix}-title`;
  const languageId = `${idPrefix}-language`;
  const has = (tag: Parameters<typeof snapshot.hasTag>[0]) => snapshot.hasTag(tag);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (small && panelRef.current) trapTab(panelRef.current, event);
  };

  return (
    <div
      ref={panelRef}
      id={`${idPrefix}-panel`}
      class="heard-panel"
      part="panel"
      role="dialog"
      aria-modal={small}
      aria-labelledby={titleId}
      aria-busy={has('busy')}
      data-position={position}
      lang={locale}
      tabIndex={-1}
      hidden={!open}
      onKeyDown={onKeyDown}
    >
      <div class="heard-header">
        <h2 id={titleId} class="heard-title">
          {brand ? t('ui.titleBrand', { brand }) : t('ui.title')}
        </h2>
        <PanelMenu />
        <button type="button" class="heard-icon-button heard-close" aria-label={t('ui.close')} onClick={onClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6Z" />
          </svg>
        </button>
        <div class="heard-toolbar">
          <label class="heard-language" for={languageId}>
            <span class="heard-language-label">{t('ui.language')}</span>
            <select
              id={languageId}
              class="heard-select"
              value={snapshot.context.locale}
              onChange={(event) =>
                bridge.send({ type: 'locale.set', locale: (event.currentTarget as HTMLSelectElement).value as Locale })
              }
            >
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`language.name.${code}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          {has('canHandoff') && (
            <Button class="heard-person" onClick={() => bridge.send({ type: 'handoff.request' })}>
              {t('ui.person')}
            </Button>
          )}
        </div>
      </div>
      <ThreadSlot />
      <Log />
      <div class="heard-step">
        {eraseStep.value ? (
          <EraseSlot />
        ) : (
          <>
            <QuickReplies />
            {has('choosingOutcome') && <OutcomeChoices />}
            {has('contactForm') && <ContactForm />}
            {(has('reviewing') || has('busy') || has('saveFailed')) && <Commit />}
            {has('finished') && <Thanks />}
            {has('awaitingVisitor') && <Composer />}
          </>
        )}
      </div>
    </div>
  );
}
