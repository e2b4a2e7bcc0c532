/**
 * The inbox's side of a closed loop, rendered in a DOM: the visitor's comment with their
 * follow-up rating (as text, never markup), and how many commitments were kept on time.
 */
import { getByRole, getByText } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDetail } from '../../server/inbox/detail-view.mjs';
import { renderTrends } from '../../server/inbox/trends-view.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Complaint, RatingComment } from '../../server/store/store.mjs';

const noop = async () => {};
const actions = {
  agent: { id: 'a-1', name: 'Bea', email: 'bea@shop.example', role: 'agent' as const },
  onClaim: noop, onRelease: noop, onResolve: noop, onReply: noop, onMoveDue: noop, onFollowUp: noop,
};

/** A resolved complaint as the agents' API gives it, rated 2 from the follow-up email. */
function resolvedComplaint(ratingComment: RatingComment | null): Complaint {
  const record = sampleComplaint();
  const at = new Date().toISOString();
  return {
    id: record.id, reference: record.reference, receivedAt: at, status: 'resolved',
    claimedBy: 'Bea', claimedById: 'a-1', claimedAt: at, resolvedBy: 'Bea', resolvedAt: at, followedUpAt: at,
    csat: 2, escalated: false, overdue: false, followUpDueAt: at, followUpDue: false, waitingSince: null, waitingForUs: false,
    summary: summariseRecord(record), resolutionNote: 'Sent a new kettle.', dueByReason: null,
    record, audit: [], replies: [], messages: [], ratingComment, ratedFrom: 'follow-up',
  };
}

describe('the inbox', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it("shows the visitor's comment with their follow-up rating as text, markup and all", () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\nStill dented & "late".';
    renderDetail(container, resolvedComplaint({ text: hostile, at: new Date().toISOString() }), actions);
    const section = getByRole(container, 'region', { name: 'Comment with the rating' });
    const quote = section.querySelector('#rating-comment')!;
    expect(quote.textContent).toBe(hostile);
    expect(container.querySelector('img, script')).toBeNull();
    expect(getByText(section, /Sent with a rating of 2 of 5 from the follow-up email/)).toBeTruthy();
    expect(getByText(container, '2 of 5 (from the follow-up email)')).toBeTruthy();
  });

  it("shows an outcome the visitor typed in their own words, not as one the team offers", () => {
    const complaint = resolvedComplaint(null);
    const typed = { ...complaint, record: { ...complaint.record, desiredOutcome: { kind: 'other' as const, detail: 'Fix the hinge on site', offered: true, alternative: null } } };
    renderDetail(container, typed, actions);
    const outcome = [...container.querySelectorAll('dt')].find((dt) => dt.textContent === 'Desired outcome')?.nextElementSibling;
    expect(outcome?.textContent).toBe('other: Fix the hinge on site');
    const offered = { ...complaint, record: { ...complaint.record, desiredOutcome: { kind: 'refund' as const, detail: null, offered: true, alternative: null } } };
    renderDetail(container, offered, actions);
    expect(container.textContent).toContain('refund (we offer this)');
  });

  it('shows no comment section when the visitor wrote none', () => {
    renderDetail(container, resolvedComplaint(null), actions);
    expect(container.querySelector('#rating-comment')).toBeNull();
    expect(container.textContent).not.toContain('Comment with the rating');
  });

  it('says how many commitments were kept on time, moved with notice and missed, under a heading', () => {
    const trends = { weeks: ['2026-11-16', '2026-11-23'], categories: [], signals: [] };
    renderTrends(container, { ...trends, commitments: { total: 45, kept: 41, moved: 3, missed: 1 } });
    const heading = getByRole(container, 'heading', { name: 'Commitments' });
    expect(heading.nextElementSibling?.textContent).toBe('Commitments kept on time: 41 of 45 (91 %) · moved with notice: 3 · missed: 1');

    // Rounded down: one missed in two hundred is not "100 %".
    renderTrends(container, { ...trends, commitments: { total: 200, kept: 199, moved: 0, missed: 1 } });
    expect(container.querySelector('#trends-commitments')?.textContent).toBe('Commitments kept on time: 199 of 200 (99 %) · moved with notice: 0 · missed: 1');

    renderTrends(container, { ...trends, commitments: { total: 0, kept: 0, moved: 0, missed: 0 } });
    expect(container.querySelector('#trends-commitments')?.textContent).toMatch(/^Commitments kept on time: none to count yet/);
  });
});
