import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget, openPanel, say } from './support';

describe('destroy', () => {
  it('removes everything it added, stylesheets included, and leaves others’ sheets alone', () => {
    const m = mountWidget();
    const theirs = new CSSStyleSheet();
    m.root.adoptedStyleSheets = [theirs, ...m.root.adoptedStyleSheets];
    expect(m.root.adoptedStyleSheets.length).toBeGreaterThan(1);
    openPanel(m);
    say(m, 'Something');
    m.handle.destroy();
    expect(m.root.childNodes).toHaveLength(0);
    expect(m.root.adoptedStyleSheets).toEqual([theirs]);
    // The actor lives on (its owner stops it); the UI no longer follows it, and a second
    // destroy is harmless.
    m.actor.send({ type: 'visitor.say', text: 'After destroy', at: '2026-11-23T11:00:00.000Z' });
    expect(m.root.childNodes).toHaveLength(0);
    m.handle.destroy();
  });

  it('adopts constructable stylesheets instead of inline styles', () => {
    const m = mountWidget();
    openPanel(m);
    fireEvent.input(m.ui.getByRole('textbox', { name: 'Your message' }), { target: { value: 'a\nb\nc' } });
    expect(m.root.adoptedStyleSheets.length).toBeGreaterThanOrEqual(4);
    expect(m.root.querySelector('style, link')).toBeNull();
    const css = m.root.adoptedStyleSheets.flatMap((s) => Array.from(s.cssRules, (r) => r.cssText)).join('\n');
    expect(css).toContain('--heard-accent');
    expect(css).toContain('prefers-color-scheme');
    expect(css).toContain('prefers-reduced-motion');
    expect(css).toContain('all: initial');
    expect(document.head.querySelector('style')).toBeNull();
  });
});
