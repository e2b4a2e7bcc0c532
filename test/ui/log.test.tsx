import { act, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { logLines, mountWidget, openPanel, say, tell, SPECIFIC } from './support';

const HOSTILE = [
  '<img src=x onerror="globalThis.__heardPwned = true">',
  '<script>globalThis.__heardPwned = true</script>',
  '<a href="javascript:alert(1)">click</a><b>bold</b>',
];

describe('message log', () => {
  it('renders markup a visitor types as text and adds no element', () => {
    const m = mountWidget();
    openPanel(m);
    const log = m.ui.getByRole('log');
    const elementsBefore = log.querySelectorAll('*').length;
    for (const text of HOSTILE) say(m, text);
    const lines = logLines(m).slice(-3);
    expect(lines).toEqual(HOSTILE.map((t) => `You: ${t}`));
    // Three new lines, each a <li> with its visually hidden speaker: nothing from the text.
    expect(log.querySelectorAll('*').length).toBe(elementsBefore + 3 * 2);
    expect(log.querySelector('img, script, a, b')).toBeNull();
    expect((globalThis as { __heardPwned?: boolean }).__heardPwned).toBeUndefined();
  });

  it('renders the visitor’s words inside bot lines (the restatement) as text too', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, `${SPECIFIC} <img src=x onerror=alert(1)>`);
    expect(m.ui.getByRole('log').querySelector('img')).toBeNull();
  });

  it('is one polite live region, labelled, with who said each line for screen readers', () => {
    const m = mountWidget({ brand: 'Bolt Ana' });
    openPanel(m);
    say(m, 'Hello');
    const live = m.root.querySelectorAll('[aria-live]');
    const log = m.ui.getByRole('log', { name: 'Conversation' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    // Besides the log, only the composer's counter status may speak (politely, at thresholds).
    expect(Array.from(live).filter((el) => el !== log)).toHaveLength(0);
    const [bot, , visitor] = Array.from(log.querySelectorAll('li'));
    expect(bot!.classList.contains('heard-from-bot')).toBe(true);
    expect(bot!.querySelector('.heard-sr')!.textContent).toBe('Bolt Ana: ');
    expect(visitor!.classList.contains('heard-from-visitor')).toBe(true);
    expect(visitor!.querySelector('.heard-sr')!.textContent).toBe('You: ');
  });

  it('puts new bot lines into the log at once and keeps the same element after the typing indicator', async () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    const log = m.ui.getByRole('log');
    const line = log.querySelector('li:last-child')!;
    // In the accessibility tree straight away (announced once), only visually waiting.
    expect(line.textContent).toMatch(/Let me check that I have understood/);
    expect(line.classList.contains('heard-pending')).toBe(true);
    const typing = log.querySelector('.heard-typing')!;
    expect(typing.getAttribute('aria-hidden')).toBe('true');
    await waitFor(() => expect(log.querySelector('.heard-typing')).toBeNull(), { timeout: 4000 });
    expect(log.querySelector('li:last-child')).toBe(line);
    expect(line.classList.contains('heard-pending')).toBe(false);
  });

  it('skips the typing indicator for visitors who prefer reduced motion', async () => {
    const settings = (window as unknown as { happyDOM: { settings: { device: { prefersReducedMotion: string } } } }).happyDOM.settings;
    settings.device.prefersReducedMotion = 'reduce';
    try {
      const m = mountWidget();
      openPanel(m);
      tell(m, SPECIFIC);
      expect(m.root.querySelector('.heard-typing')).toBeNull();
      expect(m.root.querySelector('.heard-pending')).toBeNull();
      expect(logLines(m).at(-1)).toMatch(/Let me check that I have understood/);
    } finally {
      settings.device.prefersReducedMotion = 'no-preference';
    }
  });

  it('shows a restored conversation at once, without the typing indicator', () => {
    const m = mountWidget();
    act(() => m.actor.send({ type: 'panel.open' }));
    expect(m.root.querySelector('.heard-typing')).toBeNull();
    expect(m.root.querySelector('.heard-pending')).toBeNull();
    expect(logLines(m)).toHaveLength(2);
  });
});
