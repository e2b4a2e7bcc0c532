import { act, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SPECIFIC, mountWidget, openPanel, send, tell } from './support';

const setWidth = (width: number) =>
  act(() => {
    (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({
      width,
      height: 700,
    });
  });

afterEach(() => setWidth(1024));

describe('focus', () => {
  it('opening moves focus into the panel, to the composer', () => {
    const m = mountWidget();
    const dialog = openPanel(m);
    expect(m.focused()).toBe(m.ui.getByRole('textbox', { name: 'Your message' }));
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.hidden).toBe(false);
  });

  it('Escape closes the panel and gives focus back to the bubble', () => {
    const m = mountWidget();
    const dialog = openPanel(m);
    fireEvent.keyDown(m.ui.getByRole('textbox', { name: 'Your message' }), { key: 'Escape' });
    expect(dialog.hidden).toBe(true);
    expect(m.actor.getSnapshot().value.panel).toBe('closed');
    const bubble = m.ui.getByRole('button', { name: 'Raise a complaint' });
    expect(m.focused()).toBe(bubble);
    expect(bubble.getAttribute('aria-expanded')).toBe('false');
  });

  it('the close button closes and gives focus back to the bubble', () => {
    const m = mountWidget();
    openPanel(m);
    fireEvent.click(m.ui.getByRole('button', { name: 'Close' }));
    expect(m.actor.getSnapshot().value.panel).toBe('closed');
    expect(m.focused()).toBe(m.ui.getByRole('button', { name: 'Raise a complaint' }));
  });

  it('opens at the step’s first control when the step has one', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    fireEvent.click(m.ui.getByRole('button', { name: 'Close' }));
    openPanel(m);
    expect(m.focused()).toBe(m.ui.getByRole('button', { name: 'Yes, that’s right' }));
  });

  it('when the focused button goes away with its step, focus goes to the next step’s first control', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    const yes = m.ui.getByRole('button', { name: 'Yes, that’s right' });
    yes.focus();
    fireEvent.click(yes);
    expect(m.focused()).toBe(m.ui.getByRole('button', { name: 'Refund' }));
  });

  it('does not take focus when the step changes while the visitor is elsewhere on the page', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    send(m, { type: 'restate.confirm', at: '2026-11-23T10:30:00.000Z' });
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('on a desktop screen the panel is non-modal: Tab is not trapped', () => {
    const m = mountWidget();
    const dialog = openPanel(m);
    const close = m.ui.getByRole('button', { name: 'Close' });
    close.focus();
    expect(fireEvent.keyDown(close, { key: 'Tab', shiftKey: true })).toBe(true);
    expect(dialog.getAttribute('aria-modal')).toBe('false');
  });

  it('below 480 px the panel is modal and Tab wraps around inside it', () => {
    setWidth(320);
    const m = mountWidget();
    const dialog = openPanel(m);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const controls = Array.from(dialog.querySelectorAll<HTMLElement>('button, select, textarea, [tabindex="0"]'));
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    last.focus();
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(false);
    expect(m.focused()).toBe(first);
    expect(fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(m.focused()).toBe(last);
  });

  it('the host page opening the panel also moves focus into it', () => {
    const m = mountWidget();
    send(m, { type: 'panel.open' });
    expect(m.focused()).toBe(m.ui.getByRole('textbox', { name: 'Your message' }));
  });
});
