import { useEffect, useRef, useState } from 'preact/hooks';
import { newRecordIds } from '../record/ids';
import { Button } from './Button';
import { useWidget } from './widgetContext';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * After sending: an optional 1–5 rating the visitor can change while the panel is open, a fresh complaint, and the
 * transcript to copy when our team's endpoint refused the complaint.
 */
export function Thanks() {
  const { bridge, t, idPrefix, transcript, eraseStep } = useWidget();
  const { context } = bridge.snapshot.value;
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const ratingId = `${idPrefix}-rating`;
  const ratingErrorId = `${ratingId}-error`;
  const transcriptId = `${idPrefix}-transcript`;
  // The star Tab lands on: the one chosen, else the one the arrows last reached.
  const [stop, setStop] = useState(context.csat ? context.csat - 1 : 0);
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
      <div class="heard-rating">
        <p id={ratingId} class="heard-label">
          {t('ui.rating')}
        </p>
        {/* One tab stop; arrows move along it and rate nothing: Space, Enter or a click does. */}
        <div
          class="heard-actions heard-stars"
          role="radiogroup"
          aria-labelledby={ratingId}
          aria-describedby={context.error === 'rating' ? ratingErrorId : undefined}
          onKeyDown={(event) => {
            const step = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>)[event.key];
            if (!step) return;
            event.preventDefault();
            const next = (stop + step + SCORES.length) % SCORES.length;
            setStop(next);
            (event.currentTarget.children[next] as HTMLElement).focus();
          }}
        >
          {SCORES.map((score, i) => (
            <Button
              key={score}
              class="heard-star"
              role="radio"
              aria-checked={context.csat === score}
              aria-label={t('ui.rating.value', { count: score })}
              tabIndex={i === stop ? 0 : -1}
              onClick={() => {
                setStop(i);
                bridge.send({ type: 'csat.rate', score });
              }}
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
      <div class="heard-actions">
        {context.delivery === 'rejected' && (
          <Button primary onClick={copyTranscript}>
            {t('ui.copy')}
          </Button>
        )}
        <Button
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
