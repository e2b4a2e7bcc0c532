import type { MessageKey } from '../i18n/translate';
import type { EraseStep } from './PanelMenu';
import type { PrivacyControls, Translate } from './widgetContext';

/*
 * "Delete my data on this device" is an action few visitors take, so its view is fetched when
 * the menu opens (`EraseSlot.tsx`), in a download of its own. Like `PastStatuses.ts` it builds
 * plain DOM (no Preact here), so that download shares nothing with the widget's.
 */

/** An erase step being shown (`EraseStep` without "not erasing"). */
export type ShownEraseStep = Exclude<EraseStep, null>;

export interface EraseViewOptions {
  t: Translate;
  /** Prefix for element ids, unique per widget. */
  idPrefix: string;
  privacy: PrivacyControls;
  /** Moves to another step; `null` leaves the erase view. */
  setStep(step: EraseStep): void;
}

/** The view the panel's step area shows while the visitor erases their data. */
export interface EraseView {
  /** Shows a step: its words (announced), its buttons, focus on its first one. */
  show(step: ShownEraseStep): void;
  /** Removes the view; a wait for delivery under way stops. */
  remove(): void;
}

/** What each step says. */
const TEXT: Readonly<Record<ShownEraseStep, MessageKey>> = {
  confirm: 'ui.erase.confirm',
  pending: 'ui.erase.pending',
  waiting: 'ui.erase.waiting',
  done: 'ui.erase.done',
};

/**
 * Builds the erase view in `slot`: asks first; when a complaint is still waiting to be sent, says
 * so and offers to wait for it; then says it is done. Each step moves focus to its first button
 * and is announced (the words are a status inside a group they label).
 *
 * @param slot the element the view owns (Preact renders nothing into it)
 */
export function createEraseView(slot: HTMLElement, { t, idPrefix, privacy, setStep }: EraseViewOptions): EraseView {
  const doc = slot.ownerDocument;
  let waiting: AbortController | null = null;

  const group = doc.createElement('div');
  group.className = 'heard-erase';
  group.setAttribute('role', 'group');
  const textId = `${idPrefix}-erase`;
  group.setAttribute('aria-labelledby', textId);
  const text = doc.createElement('p');
  text.id = textId;
  text.className = 'heard-label';
  text.setAttribute('role', 'status');
  const actions = doc.createElement('div');
  actions.className = 'heard-actions';
  group.append(text, actions);
  slot.append(group);

  const button = (key: MessageKey, primary: boolean, onClick: () => void): HTMLButtonElement => {
    const node = doc.createElement('button');
    node.type = 'button';
    node.className = `heard-button heard-${primary ? 'primary' : 'secondary'}`;
    node.textContent = t(key);
    node.addEventListener('click', onClick);
    return node;
  };

  const close = (): void => {
    waiting?.abort();
    setStep(null);
  };
  const erase = async (): Promise<void> => {
    if ((await privacy.erase()) === 'waiting') setStep('pending');
  };
  const wait = async (): Promise<void> => {
    setStep('waiting');
    waiting = new AbortController();
    await privacy.eraseWhenDelivered(waiting.signal);
  };

  return {
    show(step) {
      text.textContent = t(TEXT[step]);
      const buttons =
        step === 'confirm' ? [button('ui.erase.yes', true, () => void erase()), button('ui.erase.cancel', false, close)]
        : step === 'pending' ? [button('ui.erase.wait', true, () => void wait()), button('ui.erase.cancel', false, close)]
        : step === 'waiting' ? [button('ui.erase.cancel', false, close)]
        : [button('ui.erase.ok', true, close)];
      actions.replaceChildren(...buttons);
      buttons[0]?.focus();
    },
    remove() {
      waiting?.abort();
      group.remove();
    },
  };
}
