import { useEffect, useRef } from 'preact/hooks';
import { Button } from './Button';
import { useWidget } from './widgetContext';

/**
 * "Delete my data on this device", in the panel's step area: asks first; when a complaint is
 * still waiting to be sent, says so and offers to wait for it; then says it is done. Each step
 * moves focus to its first button and is announced.
 */
export function EraseData() {
  const { t, idPrefix, eraseStep, privacy } = useWidget();
  const step = eraseStep.value;
  const regionRef = useRef<HTMLDivElement>(null);
  const waiting = useRef<AbortController | null>(null);
  const textId = `${idPrefix}-erase`;
  useEffect(() => {
    regionRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [step]);
  // Leaving the step area (closing the menu, a restart) stops waiting.
  useEffect(() => () => waiting.current?.abort(), []);

  const close = () => {
    waiting.current?.abort();
    eraseStep.value = null;
  };
  const erase = async () => {
    if ((await privacy.erase()) === 'waiting') eraseStep.value = 'pending';
  };
  const wait = async () => {
    eraseStep.value = 'waiting';
    waiting.current = new AbortController();
    await privacy.eraseWhenDelivered(waiting.current.signal);
  };

  const text =
    step === 'confirm' ? t('ui.erase.confirm')
    : step === 'pending' ? t('ui.erase.pending')
    : step === 'waiting' ? t('ui.erase.waiting')
    : t('ui.erase.done');
  return (
    <div ref={regionRef} class="heard-erase" role="group" aria-labelledby={textId}>
      <p id={textId} class="heard-label" role="status">
        {text}
      </p>
      <div class="heard-actions">
        {step === 'confirm' && (
          <Button primary data-autofocus onClick={erase}>
            {t('ui.erase.yes')}
          </Button>
        )}
        {step === 'pending' && (
          <Button primary data-autofocus onClick={wait}>
            {t('ui.erase.wait')}
          </Button>
        )}
        {step === 'done' ? (
          <Button primary data-autofocus onClick={close}>
            {t('ui.erase.ok')}
          </Button>
        ) : (
          <Button data-autofocus={step === 'waiting' || undefined} onClick={close}>
            {t('ui.erase.cancel')}
          </Button>
        )}
      </div>
    </div>
  );
}
