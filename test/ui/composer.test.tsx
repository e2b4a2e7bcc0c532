import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../widget/src/machine/limits';
import { logLines, mountWidget, openPanel, say } from './support';

describe('composer', () => {
  it('sends the message on Enter, shows it as the visitor’s, and empties the box', () => {
    const m = mountWidget();
    openPanel(m);
    say(m, 'My parcel never arrived.');
    expect(logLines(m).at(-1)).toBe('You: My parcel never arrived.');
    const box = m.ui.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('');
    expect(m.root.querySelector('.heard-from-visitor')!.textContent).toContain('My parcel never arrived.');
  });

  it('leaves Shift+Enter to add a new line, and keeps the lines when sent', () => {
    const m = mountWidget();
    openPanel(m);
    const box = m.ui.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'First line' } });
    const notPrevented = fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(notPrevented).toBe(true);
    expect(logLines(m)).toHaveLength(2);
    expect(box.value).toBe('First line');
    fireEvent.input(box, { target: { value: 'First line\nSecond line' } });
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);
    expect(logLines(m).at(-1)).toBe('You: First line\nSecond line');
  });

  it('does not send while an input method is composing', () => {
    const m = mountWidget();
    openPanel(m);
    const box = m.ui.getByRole('textbox', { name: 'Your message' });
    fireEvent.input(box, { target: { value: 'にほん' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(logLines(m)).toHaveLength(2);
  });

  it('sends with the Send button too', () => {
    const m = mountWidget();
    openPanel(m);
    fireEvent.input(m.ui.getByRole('textbox', { name: 'Your message' }), { target: { value: 'Wrong size' } });
    fireEvent.click(m.ui.getByRole('button', { name: 'Send' }));
    expect(logLines(m).at(-1)).toBe('You: Wrong size');
  });

  it('refuses an empty message with an error tied to the box, and keeps what was typed otherwise', () => {
    const m = mountWidget();
    openPanel(m);
    say(m, '   ');
    const box = m.ui.getByRole('textbox', { name: 'Your message' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const error = m.ui.getByText('Please write something first.');
    expect(box.getAttribute('aria-describedby')!.split(' ')).toContain(error.id);
    expect(logLines(m)).toHaveLength(2);
    say(m, 'Now something');
    expect(m.ui.queryByText('Please write something first.')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps a message that is too long in the box, with the error, so nothing typed is lost', () => {
    const m = mountWidget();
    openPanel(m);
    const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 10);
    say(m, long);
    const box = m.ui.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(box.value).toBe(long);
    expect(m.ui.getByText(/That message is too long/)).toBeTruthy();
  });

  it('restores the unsent draft and reports every change', () => {
    const m = mountWidget({ composer: { initial: 'Half-written complaint', onChange: () => {} } });
    openPanel(m);
    const box = m.ui.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Half-written complaint');

    const n = mountWidget();
    openPanel(n);
    const other = n.ui.getByRole('textbox', { name: 'Your message' });
    fireEvent.input(other, { target: { value: 'abc' } });
    expect(n.onDraft).toHaveBeenLastCalledWith('abc');
    fireEvent.keyDown(other, { key: 'Enter' });
    expect(n.onDraft).toHaveBeenLastCalledWith('');
  });

  it('shows a counter only near the limit, with the plural from the catalog', () => {
    const m = mountWidget();
    openPanel(m);
    const box = m.ui.getByRole('textbox', { name: 'Your message' });
    fireEvent.input(box, { target: { value: 'x'.repeat(100) } });
    expect(m.ui.queryByText(/characters? left/)).toBeNull();
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_MESSAGE_LENGTH - 1) } });
    const counter = m.root.querySelector('.heard-counter')!;
    expect(counter.textContent).toBe('1 character left');
    expect(box.getAttribute('aria-describedby')).toContain(counter.id);
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_MESSAGE_LENGTH - 300) } });
    expect(counter.textContent).toBe('300 characters left');
  });

  it('announces the counter politely at thresholds only, not on every key', () => {
    const m = mountWidget();
    openPanel(m);
    const box = m.ui.getByRole('textbox', { name: 'Your message' });
    const status = m.root.querySelector('.heard-composer [role="status"]')!;
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_MESSAGE_LENGTH - 499) } });
    expect(status.textContent).toBe('499 characters left');
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_MESSAGE_LENGTH - 450) } });
    expect(status.textContent).toBe('499 characters left');
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_MESSAGE_LENGTH - 100) } });
    expect(status.textContent).toBe('100 characters left');
  });
});

describe('finishing', () => {
  it('“That’s everything” ends the telling and the bot restates', () => {
    const m = mountWidget();
    openPanel(m);
    expect(m.ui.queryByRole('button', { name: 'That’s everything' })).toBeNull();
    say(m, 'My parcel for order #48213 arrived two weeks late and the blender inside is cracked.');
    fireEvent.click(m.ui.getByRole('button', { name: 'That’s everything' }));
    expect(m.actor.getSnapshot().value.conversation).toBe('restate');
    expect(logLines(m).at(-1)).toMatch(/^Support: Let me check that I have understood\..*48213.*Is that right\?$/s);
  });

  it('sends words still in the box before finishing', () => {
    const m = mountWidget();
    openPanel(m);
    say(m, 'My parcel for order #48213 arrived two weeks late.');
    fireEvent.input(m.ui.getByRole('textbox', { name: 'Your message' }), { target: { value: 'And the blender is cracked.' } });
    fireEvent.click(m.ui.getByRole('button', { name: 'That’s everything' }));
    expect(logLines(m)).toContain('You: And the blender is cracked.');
    expect(m.actor.getSnapshot().value.conversation).toBe('restate');
  });
});
