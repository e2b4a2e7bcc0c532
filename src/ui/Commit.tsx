import { Button } from './Button';
import { useWidget } from './widgetContext';

/**
 * The commitment's one action: "Send complaint". While saving and sending the same button
 * stays, busy, so focus is not lost; if saving failed, "Try again".
 */
export function Commit() {
  const { bridge, t } = useWidget();
  const snapshot = bridge.snapshot.value;
  if (snapshot.hasTag('saveFailed')) {
    return (
      <div class="heard-actions">
        <Button primary data-autofocus onClick={() => bridge.send({ type: 'submit.retry' })}>
          {t('ui.retry')}
        </Button>
      </div>
    );
  }
  const busy = snapshot.hasTag('busy');
  return (
    <div class="heard-actions">
      <Button
        primary
        data-autofocus
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => {
          if (!busy) bridge.send({ type: 'complaint.send' });
        }}
      >
        {busy && <span class="heard-spinner" aria-hidden="true" />}
        {busy ? t('submit.sending') : t('ui.commit.send')}
      </Button>
    </div>
  );
}
