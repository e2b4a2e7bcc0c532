import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessage } from '../machine/context';
import { REDUCED_MOTION, useMediaQuery } from './media';
import { StatusSlot } from './StatusSlot';
import { Typing } from './Typing';
import { useWidget } from './widgetContext';

/** How long new bot lines wait, visually, behind the typing indicator. */
export const TYPING_MS = 700;

/**
 * The conversation, as one polite live region. New bot lines enter the DOM (and so the
 * accessibility tree) at once and are announced once; only their visual appearance waits
 * briefly behind the typing indicator, never the text for screen readers. With reduced motion
 * there is no wait and no indicator.
 */
export function Log() {
  const { bridge, t, brand } = useWidget();
  const messages = bridge.snapshot.value.context.messages;
  const lastSeq = messages.length ? messages[messages.length - 1]!.seq : -1;
  const ref = useRef<HTMLDivElement>(null);
  const reduced = useMediaQuery(ref, REDUCED_MOTION);
  // Lines already there when the widget mounts (a restored conversation) are shown at once.
  const [revealed, setRevealed] = useState(lastSeq);

  useEffect(() => {
    if (lastSeq === revealed) return;
    const fresh = messages.filter((m) => m.seq > revealed);
    // A new complaint restarts the numbering: show it as it is.
    if (lastSeq < revealed || reduced || !fresh.some((m) => m.from === 'bot')) {
      setRevealed(lastSeq);
      return;
    }
    const timer = setTimeout(() => setRevealed(lastSeq), TYPING_MS);
    return () => clearTimeout(timer);
  }, [lastSeq, revealed, reduced]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastSeq, revealed]);

  const waiting = lastSeq > revealed && messages.some((m) => m.seq > revealed && m.from === 'bot');
  const botName = brand ? t('ui.bot', { brand }) : t('ui.botDefault');
  const youName = t('ui.you');
  // After sending, focus lands on the thanks (read out), not on a control a second Enter would
  // press. Those lines exist only then: a new complaint starts a new log.
  const isThanks = (m: ChatMessage) => m.key === 'thank.sent' || m.key === 'handoff.thank';
  const text = (m: ChatMessage) => m.text ?? (m.key ? t(m.key, m.params) : '');

  return (
    <div ref={ref} class="heard-log" role="log" aria-live="polite" aria-label={t('ui.log')} tabIndex={0}>
      <StatusSlot />
      <ol class="heard-lines">
        {messages.map((m) => (
          <li
            key={m.seq}
            class={`heard-line heard-from-${m.from}${waiting && m.seq > revealed ? ' heard-pending' : ''}`}
            tabIndex={isThanks(m) ? -1 : undefined}
            data-autofocus={isThanks(m) || undefined}
          >
            <span class="heard-sr">{m.from === 'visitor' ? youName : botName}: </span>
            {text(m)}
          </li>
        ))}
      </ol>
      {waiting && <Typing />}
    </div>
  );
}
