import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_OUTCOME_DETAIL_LENGTH } from '../machine/limits';
import { outcomeChoices } from '../machine/options';
import { Button } from './Button';
import { useWidget } from './widgetContext';

/**
 * What would make it right: the owner's outcomes, "I just wanted to be heard" and "Something
 * else" with the visitor's own words; and, when what they chose is not offered here, the
 * alternative the bot proposed.
 */
export function OutcomeChoices() {
  const { bridge, t, idPrefix } = useWidget();
  const { context } = bridge.snapshot.value;
  const [otherOpen, setOtherOpen] = useState(false);
  const [detail, setDetail] = useState('');
  const detailRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (otherOpen) detailRef.current?.focus();
  }, [otherOpen]);
  const kinds = outcomeChoices(context.options);
  // Offered when what the visitor chose is not, and the bot proposed something that is.
  const canAccept = bridge.can({ type: 'outcome.acceptAlternative' });
  const groupId = `${idPrefix}-outcome-label`;
  const groupErrorId = `${idPrefix}-outcome-error`;
  const otherId = `${idPrefix}-other`;
  const otherErrorId = `${idPrefix}-other-error`;
  const groupError = context.error === 'outcome';
  const otherError = context.error === 'otherDetail';

  return (
    <div class="heard-outcomes">
      {canAccept && (
        <div class="heard-actions">
          <Button primary data-autofocus onClick={() => bridge.send({ type: 'outcome.acceptAlternative' })}>
            {t('ui.outcome.accept')}
          </Button>
        </div>
      )}
      <div role="group" aria-labelledby={groupId} aria-describedby={groupError ? groupErrorId : undefined}>
        <p id={groupId} class="heard-sr">
          {t('outcome.ask')}
        </p>
        <div class="heard-actions heard-choices">
          {kinds.map((kind, i) => (
            <Button
              key={kind}
              data-autofocus={(i === 0 && !canAccept) || undefined}
              onClick={() => bridge.send({ type: 'outcome.choose', kind })}
            >
              {t(`outcome.label.${kind}`)}
            </Button>
          ))}
          <Button
            aria-expanded={otherOpen}
            aria-controls={`${otherId}-form`}
            onClick={() => setOtherOpen(!otherOpen)}
          >
            {t('outcome.label.other')}
          </Button>
        </div>
        {groupError && (
          <p id={groupErrorId} class="heard-error">
            {t('error.outcome')}
          </p>
        )}
      </div>
      <form
        id={`${otherId}-form`}
        class="heard-other"
        hidden={!otherOpen}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          bridge.send({ type: 'outcome.choose', kind: 'other', detail });
        }}
      >
        <label class="heard-label" for={otherId}>
          {t('ui.outcome.detail')}
        </label>
        <input
          ref={detailRef}
          id={otherId}
          class="heard-input"
          type="text"
          maxLength={MAX_OUTCOME_DETAIL_LENGTH}
          value={detail}
          aria-invalid={otherError ? 'true' : undefined}
          aria-describedby={otherError ? otherErrorId : undefined}
          onInput={(event) => setDetail((event.currentTarget as HTMLInputElement).value)}
        />
        {otherError && (
          <p id={otherErrorId} class="heard-error">
            {t('error.otherDetail')}
          </p>
        )}
        <div class="heard-actions">
          <Button primary type="submit">
            {t('ui.outcome.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
