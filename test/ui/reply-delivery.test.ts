/**
 * In a complaint's detail, the agent reads before sending how a reply will reach the visitor
 * (the widget and email, or only the widget and why), and after sending what became of each
 * reply's email, in words.
 */
import { getAllByRole, getByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDetail } from '../../server/inbox/detail-view.mjs';
import type { ReplyDelivery } from '../../server/jobs/commitments/visitor-mail.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Complaint, Reply } from '../../server/store/store.mjs';

const noop = async () => {};
const actions = {
  agent: { id: 'a-1', name: 'Bea', email: 'bea@shop.example', role: 'agent' as const },
  onClaim: noop, onRelease: noop, onResolve: noop, onReply: noop, onMoveDue: noop, onFollowUp: noop,
};

/** A complaint Bea holds, as the agents' API gives it. */
function claimedComplaint(replyDelivery: ReplyDelivery, replies: Reply[] = []): Complaint & { replyDelivery: ReplyDelivery } {
  const record = sampleComplaint();
  const at = new Date().toISOString();
  return {
    id: record.id, reference: record.reference, receivedAt: at, status: 'claimed',
    claimedBy: 'Bea', claimedById: 'a-1', claimedAt: at, resolvedBy: null, resolvedAt: null, followedUpAt: null,
    csat: null, escalated: false, overdue: false, followUpDueAt: null, followUpDue: false, waitingSince: null, waitingForUs: false,
    summary: summariseRecord(record), resolutionNote: null, dueByReason: null,
    record, audit: [], replies, messages: [], ratingComment: null, ratedFrom: null, replyDelivery,
  };
}

describe('how a reply reaches the visitor, in the detail view', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('says before sending that the reply goes to the widget and by email, to the shortened address', () => {
    renderDetail(container, claimedComplaint({ email: 'a…@shop.example', why: null }), actions);
    const said = 'The visitor will see this in the widget and by email to a…@shop.example.';
    // Said next to each box that writes to the visitor, and read out with it.
    expect(getByRole(container, 'textbox', { name: 'Reply', description: said })).toBeTruthy();
    expect(getByRole(container, 'textbox', { name: 'Reply to the visitor: the outcome', description: said })).toBeTruthy();
    // A moved date is emailed like a reply.
    expect(getByRole(container, 'textbox', {
      name: 'Why it moves (the visitor reads this)',
      description: 'The visitor will see the new date and why in the widget and by email to a…@shop.example.',
    })).toBeTruthy();
  });

  it('says the reply goes only to the widget when no email was given, or the email is not usable', () => {
    renderDetail(container, claimedComplaint({ email: null, why: 'no-email' }), actions);
    expect(getByRole(container, 'textbox', { name: 'Reply', description: 'The visitor will see this only in the widget: no email was given.' })).toBeTruthy();
    renderDetail(container, claimedComplaint({ email: null, why: 'unusable-email' }), actions);
    expect(getByRole(container, 'textbox', { name: 'Reply', description: 'The visitor will see this only in the widget: the email given cannot be used.' })).toBeTruthy();
  });

  it('says the reply goes only to the widget when email is not set up on the server', () => {
    renderDetail(container, claimedComplaint({ email: null, why: 'mail-not-configured' }), actions);
    expect(getByRole(container, 'textbox', {
      name: 'Reply to the visitor: the outcome',
      description: 'The visitor will see this only in the widget: email is not set up on this server.',
    })).toBeTruthy();
    expect(getByRole(container, 'textbox', {
      name: 'Why it moves (the visitor reads this)',
      description: 'The visitor will see the new date and why only in the widget: email is not set up on this server.',
    })).toBeTruthy();
  });

  it("tells each sent reply's email state in words, the reply itself as text", () => {
    const at = new Date().toISOString();
    const hostile = '<img src=x onerror="window.__pwned=1">Your refund is on its way.';
    renderDetail(container, claimedComplaint({ email: 'a…@shop.example', why: null }, [
      { at, text: 'We are on it.', agentName: 'Bea', email: 'sent' },
      { at, text: hostile, agentName: 'Bea', email: 'pending' },
      { at, text: 'A new kettle ships today.', agentName: 'Bea', email: 'failed' },
      { at, text: 'Written before email was set up.', agentName: 'Bea', email: 'none' },
    ]), actions);
    const section = getByRole(container, 'region', { name: 'Conversation with the visitor' });
    const items = getAllByRole(section, 'listitem');
    expect(items.map((item) => [item.querySelector('.message-text')?.textContent, item.querySelector('.reply-email')?.textContent])).toEqual([
      ['We are on it.', 'Email: sent.'],
      [hostile, 'Email: waiting to be sent.'],
      ['A new kettle ships today.', 'Email: failed after retries; the visitor sees this reply only in the widget.'],
      ['Written before email was set up.', 'Email: not emailed; the visitor sees this reply only in the widget.'],
    ]);
    expect(container.querySelector('img')).toBeNull();
  });
});
