import { act } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget, openPanel } from './support';

const rect = (left: number, top: number, width: number, height: number) => () =>
  ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

describe('launcher bubble', () => {
  it('is a button positioned by data-position, with the shared class and part', () => {
    const m = mountWidget({ position: 'bottom-left' });
    const bubble = m.ui.getByRole('button', { name: 'Raise a complaint' });
    expect(bubble.className).toBe('heard-launcher');
    expect(bubble.getAttribute('part')).toBe('launcher');
    expect(bubble.dataset['position']).toBe('bottom-left');
    expect(bubble.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    // The panel is built on first opening; until then the bubble points at nothing.
    expect(m.ui.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(bubble.hasAttribute('aria-controls')).toBe(false);
    act(() => bubble.click());
    const dialog = m.ui.getByRole('dialog');
    expect(dialog.dataset['position']).toBe('bottom-left');
    expect(bubble.getAttribute('aria-controls')).toBe(dialog.id);
    act(() => bubble.click());
    // Closed again, it stays built (hidden), so what was on screen is kept.
    expect(m.ui.getByRole('dialog', { hidden: true }).hidden).toBe(true);
  });

  it('steps aside while a host page element under it has focus, and comes back after', () => {
    const m = mountWidget();
    const bubble = m.ui.getByRole('button', { name: 'Raise a complaint' });
    bubble.getBoundingClientRect = rect(944, 692, 56, 56);
    const covered = document.createElement('button');
    covered.getBoundingClientRect = rect(950, 700, 40, 30);
    const clear = document.createElement('button');
    clear.getBoundingClientRect = rect(10, 10, 40, 30);
    document.body.append(covered, clear);
    try {
      act(() => covered.focus());
      expect(bubble.dataset['avoid']).toBe('true');
      // Now drawn in the other corner; the check still uses its usual place.
      bubble.getBoundingClientRect = rect(20, 692, 56, 56);
      act(() => clear.focus());
      expect(bubble.dataset['avoid']).toBeUndefined();
    } finally {
      covered.remove();
      clear.remove();
    }
  });

  it('ignores focus inside the widget', () => {
    const m = mountWidget();
    const bubble = m.ui.getByRole('button', { name: 'Raise a complaint' });
    bubble.getBoundingClientRect = rect(944, 692, 56, 56);
    m.host.getBoundingClientRect = rect(944, 692, 56, 56);
    act(() => bubble.focus());
    expect(bubble.dataset['avoid']).toBeUndefined();
    openPanel(m);
    expect(bubble.dataset['avoid']).toBeUndefined();
  });
});
