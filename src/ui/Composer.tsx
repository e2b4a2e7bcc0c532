import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../machine/limits';
import { Button } from './Button';
import { useWidget } from './widgetContext';

/** The counter appears when this many characters are left. */
export const COUNTER_FROM = 500;
/** Remaining counts at which the counter is announced, so typing is not drowned in speech. */
const THRESHOLDS = [500, 100, 50, 10, 0];
/** The composer grows with its text up to this height, then scrolls. */
const MAX_HEIGHT_PX = 160;
/**
 * Where the browser sizes the box to its text (`field-sizing`), measuring it on every key would
 * force a layout of the whole host page per keystroke; only older browsers need the script.
 */
const SIZES_ITSELF = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/**
 * Where the visitor writes. Enter sends, Shift+Enter adds a line; the text is kept (and
 * reported as a draft) until the machine has taken it.
 */
export function Composer() {
  const { bridge, t, idPrefix, draft, composer } = useWidget();
  const snapshot = bridge.snapshot.value;
  const { error: e } = snapshot.context;
  const error = e === 'empty' || e === 'tooLong' || e === 'full' ? e : null;
  const canFinish = snapshot.hasTag('canFinish');
  const ref = useRef<HTMLTextAreaElement>(null);
  const announced = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const text = draft.value;
  const left = MAX_MESSAGE_LENGTH - text.length;
  const counterId = `${idPrefix}-counter`;
  const errorId = `${idPrefix}-composer-error`;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || SIZES_ITSELF) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const setText = (next: string) => {
    draft.value = next;
    composer.onChange(next);
    const remaining = MAX_MESSAGE_LENGTH - next.length;
    // The lowest threshold reached; announced once when crossed, again only after backing off.
    const reached = THRESHOLDS.filter((n) => remaining <= n).pop() ?? null;
    if (reached !== announced.current) {
      if (reached !== null && (announced.current === null || reached < announced.current)) {
        setAnnouncement(t('ui.composer.counter', { count: Math.max(0, remaining) }));
      }
      announced.current = reached;
    }
  };

  /**
   * Sends the text; clears it only when the machine took it. The machine takes the visitor's
   * words with no error, or refuses them and says why (`context.error`, shown below the box).
   */
  const send = (): boolean => {
    const event = { type: 'visitor.say', text: draft.peek() } as const;
    if (!bridge.can(event)) return false;
    bridge.send(event);
    const taken = bridge.snapshot.peek().context.error === null;
    if (taken) setText('');
    return taken;
  };

  const finish = () => {
    // Words still in the box are part of the story: send them first.
    if (draft.peek().trim() && !send()) return;
    bridge.send({ type: 'visitor.done' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter while an input method is composing a character belongs to the input method.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  };

  const describedBy = [left <= COUNTER_FROM ? counterId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <form
      class="heard-composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label class="heard-sr" for={`${idPrefix}-composer`}>
        {t('ui.composer.label')}
      </label>
      <textarea
        ref={ref}
        id={`${idPrefix}-composer`}
        class="heard-textarea"
        rows={1}
        placeholder={t('ui.composer.placeholder')}
        value={text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
      />
      {left <= COUNTER_FROM && (
        <p id={counterId} class={`heard-counter${left < 0 ? ' heard-over' : ''}`}>
          {t('ui.composer.counter', { count: Math.max(0, left) })}
        </p>
      )}
      <span class="heard-sr" role="status">
        {announcement}
      </span>
      {error && (
        <p id={errorId} class="heard-error">
          {t(`error.${error}`)}
        </p>
      )}
      <div class="heard-actions">
        <Button primary type="submit">
          {t('ui.send')}
        </Button>
        {canFinish && (
          <Button onClick={finish}>
            {t('ui.done')}
          </Button>
        )}
      </div>
    </form>
  );
}
