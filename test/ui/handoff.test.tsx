import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SPECIFIC, logLines, mountWidget, openPanel, say, settled, tell } from './support';

const person = (m: ReturnType<typeof mountWidget>) => m.ui.queryByRole('button', { name: 'Talk to a person' });

describe('“Talk to a person”', () => {
  it('is there in every step of the conversation, and gone once the complaint is sent', async () => {
    const m = mountWidget();
    openPanel(m);
    const seen: Array<[unknown, boolean]> = [];
    const note = () => seen.push([m.actor.getSnapshot().value.conversation, person(m) !== null]);
    note(); // greet
    say(m, 'not happy');
    note(); // listen
    fireEvent.click(m.ui.getByRole('button', { name: 'That’s everything' }));
    note(); // clarify
    say(m, SPECIFIC);
    note(); // restate
    fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that’s right' }));
    note(); // askOutcome
    fireEvent.click(m.ui.getByRole('button', { name: 'Refund' }));
    note(); // contact
    fireEvent.input(m.ui.getByLabelText(/^Email/), { target: { value: 'ana@example.com' } });
    fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));
    note(); // commit
    fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
    note(); // submitting
    await settled();
    note(); // thank
    expect(seen).toEqual([
      ['greet', true],
      ['listen', true],
      ['clarify', true],
      ['restate', true],
      ['askOutcome', true],
      [{ contact: 'form' }, true],
      ['commit', true],
      [{ submitting: 'saving' }, false],
      [{ thank: 'idle' }, false],
    ]);
  });

  it('hands over, says why, and asks only for the contact details', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, SPECIFIC);
    fireEvent.click(person(m)!);
    expect(logLines(m).at(-2)).toMatch(/^Support: Of course\. I’ll pass this to a member of our team\./);
    expect(m.ui.getByRole('textbox', { name: /^Email/ })).toBeTruthy();
    expect(person(m)).not.toBeNull();
  });
});
