import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SPECIFIC, logLines, mountWidget, openPanel, send, tell } from './support';

function toOutcome(m: ReturnType<typeof mountWidget>) {
  openPanel(m);
  tell(m, SPECIFIC);
  fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that’s right' }));
}

describe('outcome choices', () => {
  it('shows the owner’s outcomes, “I just wanted to be heard” and “Something else”', () => {
    const m = mountWidget({}, { options: { outcomes: ['replacement', 'storeCredit'] } });
    toOutcome(m);
    const group = m.ui.getByRole('group', { name: 'What would make this right for you?' });
    const names = Array.from(group.querySelectorAll('button'), (b) => b.textContent);
    expect(names).toEqual(['Replacement', 'Store credit', 'I just wanted to be heard', 'Something else']);
  });

  it('choosing one goes on to the contact form', () => {
    const m = mountWidget();
    toOutcome(m);
    fireEvent.click(m.ui.getByRole('button', { name: 'Exchange' }));
    expect(logLines(m)).toContain('You: Exchange');
    expect(m.ui.getByRole('textbox', { name: /^Email/ })).toBeTruthy();
  });

  it('“Something else” opens a field for the visitor’s own words, and needs them', () => {
    const m = mountWidget();
    toOutcome(m);
    const other = m.ui.getByRole('button', { name: 'Something else' });
    expect(other.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(other);
    expect(other.getAttribute('aria-expanded')).toBe('true');
    const field = m.ui.getByRole('textbox', { name: 'In your own words' });
    expect(m.focused()).toBe(field);
    const form = field.closest('form')!;
    fireEvent.submit(form);
    const error = m.ui.getByText('Please tell us what would make this right.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    fireEvent.input(field, { target: { value: 'A written apology from the courier' } });
    fireEvent.submit(form);
    expect(logLines(m)).toContain('You: A written apology from the courier');
    expect(m.actor.getSnapshot().context.outcome).toMatchObject({ kind: 'other', detail: 'A written apology from the courier' });
  });
});

describe('the alternative offer', () => {
  it('offers to accept the alternative when what was asked is not offered here', () => {
    const m = mountWidget({}, { options: { outcomes: ['replacement', 'storeCredit'] } });
    toOutcome(m);
    expect(m.ui.queryByRole('button', { name: 'Yes, that would help' })).toBeNull();
    // A refund is not among the buttons; the host page (or a typed request) can still ask.
    send(m, { type: 'outcome.choose', kind: 'refund', at: '2026-11-23T10:30:00.000Z' });
    expect(logLines(m).at(-1)).toMatch(/but I can offer a replacement instead\. Would that help\?$/);
    fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that would help' }));
    expect(logLines(m)).toContain('You: Yes, that would help');
    expect(m.actor.getSnapshot().value.conversation).toEqual({ contact: 'form' });
  });

  it('reads “something else” in the visitor’s words for what it asks, and offers what can be done', () => {
    const m = mountWidget({}, { options: { outcomes: ['storeCredit'] } });
    toOutcome(m);
    fireEvent.click(m.ui.getByRole('button', { name: 'Something else' }));
    const field = m.ui.getByRole('textbox', { name: 'In your own words' });
    fireEvent.input(field, { target: { value: 'Honestly I just want my money back.' } });
    fireEvent.submit(field.closest('form')!);
    expect(logLines(m).at(-1)).toMatch(/you’d like a refund\. .*but I can offer store credit instead\. Would that help\?$/);
    fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that would help' }));
    expect(m.actor.getSnapshot().context.outcome).toMatchObject({ kind: 'refund', offered: false, alternative: 'storeCredit' });
  });

  it('has nothing to accept when the owner offers no alternative', () => {
    const m = mountWidget({}, { options: { outcomes: [] } });
    toOutcome(m);
    send(m, { type: 'outcome.choose', kind: 'refund', at: '2026-11-23T10:30:00.000Z' });
    expect(logLines(m).at(-1)).toMatch(/a member of our team will look at what else we can do/);
    expect(m.ui.queryByRole('button', { name: 'Yes, that would help' })).toBeNull();
    expect(m.ui.getByRole('button', { name: 'I just wanted to be heard' })).toBeTruthy();
  });
});
