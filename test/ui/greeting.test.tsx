import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { logLines, mountWidget } from './support';

describe('greeting', () => {
  it('shows a bubble with an accessible name that opens the panel with the greeting', () => {
    const m = mountWidget({ brand: 'Kedai Ana' });
    const bubble = m.ui.getByRole('button', { name: 'Raise a complaint' });
    expect(bubble.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bubble);
    expect(bubble.getAttribute('aria-expanded')).toBe('true');
    const dialog = m.ui.getByRole('dialog', { name: 'Kedai Ana: tell us what went wrong' });
    expect(bubble.getAttribute('aria-controls')).toBe(dialog.id);
    const lines = logLines(m);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Kedai Ana: (Hello|Hi there)\. I’m here to help\.$/);
    expect(lines[1]).toContain('Please tell me what happened');
  });
});
