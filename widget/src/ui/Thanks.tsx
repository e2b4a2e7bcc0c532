import { useEffect, useRef, useState } from 'preact/hooks';
import { newRecordIds } from '../record/ids';
import { Button } from './Button';
import { useWidget } from './widgetContext';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * After sending: an optional 1–5 rating (gone once given), a fresh complaint, and the
 * transcript to copy when our team's endpoint refused the complaint.
 */
export function Thanks() {
  const { bridge, t, idPrefix, transcript, eraseStep } = useWidget();
  const { context } = bridge.snapshot.value;
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const ratingId = `${idPrefix}-rating`;
  const ratingErrorId = `${ratingId}-error`;
  const transcriptId = `${idPrefix}-transcript`;
  // A rating is taken once; the stars go once it is given.
  const canRate = bridge.can({ type: 'csat.rate', score: SCORES[0] });
  const manualRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (copy !== 'manual') return;
    manualRef.current?.focus();
    manualRef.current?.select();
  }, [copy]);

  const copyTranscript = async () => {
    const text = transcript();
    try {
      await globalThis.navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // No clipboard (permissions, insecure page): show the text, selected, to copy by hand.
      setCopy('manual');
    }
  };

  return (
    <div class="heard-thanks">
      {canRate && (
        <div
          class="heard-rating"
          role="group"
          aria-labelledby={ratingId}
          aria-describedby={context.error === 'rating' ? ratingErrorId : undefined}
        >
          <p id={ratingId} class="heard-label">
            {t('ui.rating')}
          </p>
          <div class="heard-actions heard-stars">
            {SCORES.map((score) => (
              <Button
                key={score}
                class="heard-star"
                aria-label={t('ui.rating.value', { count: score })}
                data-autofocus={score === 1 || undefined}
                onClick={() => bridge.send({ type: 'csat.rate', score })}
              >
                {score}
              </Button>
            ))}
          </div>
          {context.error === 'rating' && (
            <p id={ratingErrorId} class="heard-error">
              {t('error.rating')}
            </p>
          )}
        </div>
      )}
      <div class="heard-actions">
        {context.delivery === 'rejected' && (
          <Button primary onClick={copyTranscript}>
            {t('ui.copy')}
          </Button>
        )}
        <Button
          data-autofocus={!canRate || undefined}
          onClick={() => bridge.send({ type: 'complaint.new', ...newRecordIds() })}
        >
          {t('ui.new')}
        </Button>
        <Button onClick={() => (eraseStep.value = 'confirm')}>{t('ui.erase')}</Button>
      </div>
      <p class="heard-note" role="status">
        {copy === 'copied' ? t('ui.copied') : ''}
      </p>
      {copy === 'manual' && (
        <div class="heard-field">
          <label class="heard-label" for={transcriptId}>
            {t('ui.copy')}
          </label>
          <textarea
            id={transcriptId}
            class="heard-textarea heard-transcript"
            readOnly
            value={transcript()}
            ref={manualRef}
          />
        </div>
      )}
    </div>
  );
}
