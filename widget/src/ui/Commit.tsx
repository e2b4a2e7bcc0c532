import { Button } from './Button';
import { useWidget } from './widgetContext';

/**
 * The commitment's one action: "Send complaint". While saving and sending the same button
 * stays, busy, so focus is not lost; if saving failed, it becomes "Try again".
 */
export function Commit() {
  const { bridge, t } = useWidget();
  const snapshot = bridge.snapshot.value;
  const retry = snapshot.hasTag('saveFailed');
  const busy = !retry && snapshot.hasTag('busy');
  return (
    <div class="heard-actions">
      <Button
        primary
        data-autofocus
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) bridge.send({ type: retry ? 'submit.retry' : 'complaint.send' });
        }}
      >
        {busy && <span class="heard-spinner" aria-hidden="true" />}
        {t(retry ? 'ui.retry' : busy ? 'submit.sending' : 'ui.commit.send')}
      </Button>
    </div>
  );
}
