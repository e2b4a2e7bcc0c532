import { useComputed } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
 *
 * A key typed here should cost what it costs in a plain `<textarea>`: the box is left to the
 * browser (not re-rendered per key), and only what changes with the text (the counter near the
 * limit) re-renders.
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
  // Re-renders the composer when the counter comes or goes, not on every key.
  const nearLimit = useComputed(() => MAX_MESSAGE_LENGTH - draft.value.length <= COUNTER_FROM).value;
  // The hint shows only in an empty box; a box with a placeholder restyles it on every key even
  // when it cannot be seen, so it is there only while the box is empty.
  const empty = useComputed(() => draft.value === '').value;
  const counterId = `${idPrefix}-counter`;
  const errorId = `${idPrefix}-composer-error`;

  const placeholder = t('ui.composer.placeholder');
  useLayoutEffect(() => {
    // Removed, not emptied: an empty placeholder is still restyled on every key.
    if (empty) ref.current?.setAttribute('placeholder', placeholder);
    else ref.current?.removeAttribute('placeholder');
  }, [empty, placeholder]);

  // The box starts with the unsent text (restored, or kept while another step was shown).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.value = draft.peek();
    fitHeight(el);
  }, []);

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
    if (taken) {
      const el = ref.current;
      if (el) {
        el.value = '';
        fitHeight(el);
      }
      setText('');
    }
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

  const describedBy = [nearLimit ? counterId : '', error ? errorId : ''].filter(Boolean).join(' ');
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
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => {
          setText(event.currentTarget.value);
          fitHeight(event.currentTarget);
        }}
        onKeyDown={onKeyDown}
      />
      {nearLimit && <Counter id={counterId} />}
      <span class="heard-sr" role="status">
        {announcement}
      </span>
      {error && (
        <p id={errorId} class="heard-error">
          {t(`error.${error}`)}
        </p>
      )}
      <Attach />
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

/** Characters left, near the limit; re-renders with every key while it shows. */
function Counter({ id }: { id: string }) {
  const { t, draft } = useWidget();
  const left = MAX_MESSAGE_LENGTH - draft.value.length;
  return (
    <p id={id} class={`heard-counter${left < 0 ? ' heard-over' : ''}`}>
      {t('ui.composer.counter', { count: Math.max(0, left) })}
    </p>
  );
}

/** Grows the box with its text up to `MAX_HEIGHT_PX`, where the browser does not do it itself. */
function fitHeight(el: HTMLTextAreaElement): void {
  if (SIZES_ITSELF) return;
  el.style.height = 'auto';
  el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
}

/**
 * The visitor's files: a real file input behind its label, so keyboards and screen readers use
 * it as they would anywhere; files pasted or dropped on the composer go the same way. What it
 * does (re-encoding, keeping, showing, refusing) is a download of its own, fetched when the
 * visitor gives a file or a restored draft holds some.
 */
function Attach() {
  const widget = useWidget();
  const port = widget.thread?.attach;
  const ref = useRef<HTMLDivElement>(null);
  const take = (files?: FileList | null) => import('../attach/attach').then((m) => m.attach(widget, ref.current!, files && [...files]), () => {});
  useEffect(() => {
    if (port?.held) void take();
    const given = (event: ClipboardEvent | DragEvent) => {
      const files = ('clipboardData' in event ? event.clipboardData : event.dataTransfer)?.files;
      if (files?.length) {
        event.preventDefault();
        void take(files);
      }
    };
    const form = ref.current?.parentElement;
    form?.addEventListener('paste', given as EventListener);
    form?.addEventListener('drop', given as EventListener);
    form?.addEventListener('dragover', (event) => event.preventDefault());
  }, []);
  return port ? (
    <div ref={ref} class="heard-files">
      <label class="heard-button heard-secondary">
        {widget.t('ui.attach')}
        <input
          type="file"
          multiple
          class="heard-sr"
          accept={port.types?.join() ?? 'image/*,application/pdf'}
          onChange={(event) => {
            const input = event.currentTarget;
            // The same file picked again after a removal is a change too.
            void take(input.files).finally(() => (input.value = ''));
          }}
        />
      </label>
    </div>
  ) : null;
}
