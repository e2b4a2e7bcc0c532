import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SPECIFIC, logLines, mountWidget, openPanel, say, tell } from './support';

describe('restatement', () => {
  it('offers “Yes, that’s right” and “Not quite” under the restatement', () => {
    const m = mountWidget();
    openPanel(m);
    expect(m.ui.queryByRole('button', { name: 'Yes, that’s right' })).toBeNull();
    tell(m, SPECIFIC);
    expect(m.ui.getByRole('button', { name: 'Yes, that’s right' })).toBeTruthy();
    expect(m.ui.getByRole('button', { name: 'Not quite' })).toBeTruthy();
  });

  it('“Yes, that’s right” moves on to the apology and the outcome question', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that’s right' }));
    const lines = logLines(m);
    expect(lines).toContain('You: Yes, that’s right');
    expect(lines.at(-1)).toBe('Support: What would make this right for you?');
    expect(m.ui.queryByRole('button', { name: 'Yes, that’s right' })).toBeNull();
  });

  it('“Not quite” asks what was wrong and opens the composer again', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    fireEvent.click(m.ui.getByRole('button', { name: 'Not quite' }));
    expect(logLines(m).at(-1)).toMatch(/^Support: Thank you\. Please tell me what I got wrong/);
    say(m, 'It was three weeks late, not two, for order #48213.');
    fireEvent.click(m.ui.getByRole('button', { name: 'That’s everything' }));
    expect(logLines(m).at(-1)).toMatch(/Let me check that I have understood/);
  });

  it('offers the parts of the experience when the bot asks which part it was', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, 'not happy');
    expect(m.ui.queryByRole('button', { name: 'The delivery' })).toBeNull();
    say(m, 'it was just bad');
    expect(logLines(m).at(-1)).toMatch(/Which part was it about/);
    fireEvent.click(m.ui.getByRole('button', { name: 'How I was treated' }));
    expect(logLines(m)).toContain('You: How I was treated');
    expect(m.actor.getSnapshot().value.conversation).toBe('restate');
  });
});
