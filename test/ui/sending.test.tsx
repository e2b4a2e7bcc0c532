import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { newFakes } from '../machine/harness';
import { logLines, mountWidget, settled, toCommit } from './support';

describe('sending and thanks', () => {
  it('shows the commitment, sends, and thanks with the reference', async () => {
    const m = mountWidget();
    toCommit(m);
    expect(logLines(m).at(-2)).toMatch(/^Support: Here is what happens next: our team will review your complaint and get back to you about a refund\. You will hear from us by /);
    fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
    // Busy while saving and sending: the same button, marked busy, so focus stays put.
    const busy = m.ui.getByRole('button', { name: 'Sending your complaint…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(m.ui.getByRole('dialog').getAttribute('aria-busy')).toBe('true');
    fireEvent.click(busy);
    await settled();
    expect(m.fakes.outbox).toHaveLength(1);
    expect(m.fakes.deliveries).toEqual([m.actor.getSnapshot().context.id]);
    expect(logLines(m).join('\n')).toContain('Your reference is HRD-7K3F9Q.');
    expect(m.ui.queryByRole('button', { name: /Send complaint|Sending/ })).toBeNull();
  });

  it('offers “Try again” when the complaint could not be saved, and sends on retry', async () => {
    const fakes = newFakes();
    fakes.failEnqueue = true;
    const m = mountWidget({}, {}, fakes);
    toCommit(m);
    fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
    await settled();
    expect(logLines(m).at(-1)).toMatch(/Something went wrong while saving your complaint/);
    fakes.failEnqueue = false;
    fireEvent.click(m.ui.getByRole('button', { name: 'Try again' }));
    await settled();
    expect(fakes.outbox).toHaveLength(1);
    expect(logLines(m).join('\n')).toContain('HRD-7K3F9Q');
  });

  it('offers the transcript to copy when delivery was refused', async () => {
    const fakes = newFakes();
    fakes.answer = 'rejected';
    const m = mountWidget({}, {}, fakes);
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...globalThis.navigator, clipboard: { writeText } });
    try {
      toCommit(m);
      fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
      await settled();
      expect(logLines(m).join('\n')).toMatch(/Please copy the transcript below/);
      fireEvent.click(m.ui.getByRole('button', { name: 'Copy transcript' }));
      await settled();
      expect(writeText).toHaveBeenCalledWith('Complaint HRD-7K3F9Q transcript');
      expect(m.ui.getByRole('status', { name: '' }).textContent).toBe('Copied');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows the transcript selected for copying by hand when there is no clipboard', async () => {
    const fakes = newFakes();
    fakes.answer = 'rejected';
    const m = mountWidget({}, {}, fakes);
    vi.stubGlobal('navigator', { ...globalThis.navigator, clipboard: undefined });
    try {
      toCommit(m);
      fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
      await settled();
      fireEvent.click(m.ui.getByRole('button', { name: 'Copy transcript' }));
      await settled();
      const box = m.ui.getByRole('textbox', { name: 'Copy transcript' }) as HTMLTextAreaElement;
      expect(box.value).toBe('Complaint HRD-7K3F9Q transcript');
      expect(m.focused()).toBe(box);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('has no transcript to copy when the complaint was delivered', async () => {
    const m = mountWidget();
    toCommit(m);
    fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
    await settled();
    expect(m.ui.queryByRole('button', { name: 'Copy transcript' })).toBeNull();
  });
});

describe('rating and a new complaint', () => {
  async function thanked() {
    const m = mountWidget();
    toCommit(m);
    fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
    await settled();
    return m;
  }

  it('asks for an optional rating from 1 to 5 as one group of named radios, and takes a change of mind', async () => {
    const m = await thanked();
    const group = m.ui.getByRole('radiogroup', { name: 'Rate this conversation' });
    const names = Array.from(group.querySelectorAll('[role="radio"]'), (b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['1 star out of 5', '2 stars out of 5', '3 stars out of 5', '4 stars out of 5', '5 stars out of 5']);
    fireEvent.click(m.ui.getByRole('radio', { name: '4 stars out of 5' }));
    await settled();
    expect(m.fakes.ratings.map((r) => r.csat)).toEqual([4]);
    expect(m.ui.getByRole('radio', { name: '4 stars out of 5' }).getAttribute('aria-checked')).toBe('true');
    expect(logLines(m).at(-1)).toBe('Support: Thank you for your rating.');
    fireEvent.click(m.ui.getByRole('radio', { name: '2 stars out of 5' }));
    await settled();
    expect(m.fakes.ratings.map((r) => r.csat)).toEqual([4, 2]);
    expect(m.ui.getAllByRole('radio', { checked: true }).map((b) => b.getAttribute('aria-label'))).toEqual(['2 stars out of 5']);
  });

  it('“Raise another complaint” starts afresh with a new reference', async () => {
    const m = await thanked();
    const before = m.actor.getSnapshot().context;
    fireEvent.click(m.ui.getByRole('button', { name: 'Raise another complaint' }));
    const after = m.actor.getSnapshot().context;
    expect(after.id).not.toBe(before.id);
    expect(after.reference).toMatch(/^HRD-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(after.reference).not.toBe(before.reference);
    await waitFor(() => expect(logLines(m)).toHaveLength(2));
    expect(logLines(m)[0]).toMatch(/^Support: Welcome back/);
    expect(m.ui.getByRole('textbox', { name: 'Your message' })).toBeTruthy();
  });
});
