/**
 * In a complaint's detail, what the visitor wrote back from the widget sits in the conversation
 * with the agents' replies, in the order it happened, as text; and the complaint says it is
 * waiting for the team.
 */
import { getByRole, getByText } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDetail } from '../../server/inbox/detail-view.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Complaint } from '../../server/store/store.mjs';

const noop = async () => {};
const actions = {
  agent: { id: 'a-1', name: 'Bea', email: 'bea@shop.example', role: 'agent' as const },
  onClaim: noop, onRelease: noop, onResolve: noop, onReply: noop, onMoveDue: noop, onFollowUp: noop,
};

/** A complaint Bea holds: she asked a question, the visitor answered, and a second answer came. */
function answeredComplaint(): Complaint {
  const record = sampleComplaint();
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes)).toISOString();
  return {
    id: record.id, reference: record.reference, receivedAt: at(0), status: 'claimed',
    claimedBy: 'Bea', claimedById: 'a-1', claimedAt: at(1), resolvedBy: null, resolvedAt: null, followedUpAt: null,
    csat: null, escalated: false, overdue: false, followUpDueAt: null, followUpDue: false, waitingSince: at(9), waitingForUs: true,
    summary: summariseRecord(record), resolutionNote: null, dueByReason: null, record,
    audit: [
      { action: 'resolved', agentId: 'a-1', agentName: 'Bea', at: at(3), detail: null },
      { action: 'reopened', agentId: null, agentName: null, at: at(5), detail: { messageId: 'message-0001' } },
    ],
    replies: [
      { at: at(2), text: 'Could you send the order number?', agentName: 'Bea', email: 'sent' },
      { at: at(7), text: 'Thank you, checking now.', agentName: 'Bea', email: 'sent' },
    ],
    messages: [
      { id: 'message-0001', at: at(5), receivedAt: at(5), text: 'It is <b>4417</b>', via: 'widget', email: null, attachments: [] },
      { id: 'message-0002', at: at(9), receivedAt: at(9), text: 'Any news? <img src=x onerror=alert(1)>', via: 'widget', email: null, attachments: [] },
    ],
    ratingComment: null, ratedFrom: null,
  };
}

describe('the visitor writing back, in the detail view', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('shows the visitor messages among the replies in time order, as text', () => {
    renderDetail(container, answeredComplaint(), actions);
    const conversation = getByRole(container, 'region', { name: 'Conversation with the visitor' });
    const entries = [...conversation.querySelectorAll('li')].map((item) => item.querySelector('.message-text')?.textContent);
    expect(entries).toEqual(['Could you send the order number?', 'It is <b>4417</b>', 'Thank you, checking now.', 'Any news? <img src=x onerror=alert(1)>']);
    expect(conversation.querySelector('img, b')).toBeNull();
    expect([...conversation.querySelectorAll('.message-from')].map((from) => from.textContent?.split(' · ')[0])).toEqual(['Bea', 'Visitor', 'Bea', 'Visitor']);
  });

  it('marks an email answer "by email", flags another sender, and opens the whole email as text', () => {
    const complaint = answeredComplaint();
    const whole = 'Any news? <img src=x onerror=alert(1)>\n\nOn Mon, 7 Dec 2026, Bea wrote:\n> Thank you, checking now.';
    complaint.messages![1] = { ...complaint.messages![1]!, via: 'email', email: { senderDiffers: true, subject: 'Re: <i>Your complaint</i>', text: whole } };
    renderDetail(container, complaint, actions);
    const conversation = getByRole(container, 'region', { name: 'Conversation with the visitor' });
    const [, fromWidget, , fromEmail] = [...conversation.querySelectorAll('li')];
    expect(fromWidget!.querySelector('.message-from')!.textContent).not.toContain('by email');
    expect(fromWidget!.querySelector('details')).toBeNull();
    expect(fromWidget!.textContent).not.toContain('another address');
    expect(fromEmail!.querySelector('.message-from')!.textContent).toMatch(/ · by email$/);
    expect(getByText(fromEmail!, "From another address than the visitor's")).toBeTruthy();
    const details = fromEmail!.querySelector('details')!;
    expect(details.open).toBe(false);
    getByText(details, 'Whole email').click();
    expect(details.open).toBe(true);
    expect(details.textContent).toContain('Subject: Re: <i>Your complaint</i>');
    expect(details.querySelector('pre')!.textContent).toBe(whole);
    expect(details.querySelector('img, i')).toBeNull();
  });

  it('does not flag an email answer from the visitor\'s own address', () => {
    const complaint = answeredComplaint();
    complaint.messages![0] = { ...complaint.messages![0]!, via: 'email', email: { senderDiffers: false, subject: 'Re: hello', text: 'It is 4417' } };
    renderDetail(container, complaint, actions);
    const first = getByRole(container, 'region', { name: 'Conversation with the visitor' }).querySelectorAll('li')[1]!;
    expect(first.querySelector('.message-from')!.textContent).toMatch(/ · by email$/);
    expect(first.textContent).not.toContain('another address');
  });

  it('says the complaint is waiting for us, and in its history that the visitor reopened it', () => {
    renderDetail(container, answeredComplaint(), actions);
    expect(getByText(container, 'claimed — waiting for us: the visitor wrote again')).toBeTruthy();
    const history = getByRole(container, 'region', { name: 'History' });
    expect(history.querySelectorAll('li')[1]?.textContent).toMatch(/ — The visitor wrote again, reopening it$/);
  });

  it('shows the files a visitor sent with a message: a thumbnail for a photo and a row for a PDF, each opened through the signed-in API', async () => {
    const complaint = answeredComplaint();
    const photo = { sha256: 'a'.repeat(64), type: 'image/png', size: 2048, width: 30, height: 20 };
    const label = { sha256: 'b'.repeat(64), type: 'application/pdf', size: 300_000 };
    // The API describes each file; the store's list of hashes is what it describes.
    complaint.messages![1] = { ...complaint.messages![1]!, attachments: [photo, label] as never };
    const opened: string[] = [];
    const openFile = async (sha256: string) => {
      opened.push(sha256);
      return new Blob([sha256], { type: sha256 === photo.sha256 ? 'image/png' : 'application/pdf' });
    };
    renderDetail(container, complaint, { ...actions, openFile });
    const conversation = getByRole(container, 'region', { name: 'Conversation with the visitor' });
    const [, first, , withFiles] = [...conversation.querySelectorAll('li.message')];
    expect(first!.querySelector('ul.files')).toBeNull();
    const files = getByRole(withFiles as HTMLElement, 'list', { name: 'Files sent with this message' });
    const rows = [...files.querySelectorAll('li')];
    expect(rows.map((row) => row.textContent)).toEqual(['Photo 1 · 2 KB · Open', 'PDF · 293 KB · Download']);
    expect(opened).toEqual([photo.sha256, label.sha256]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(getByRole(rows[0]!, 'img', { name: 'Photo 1' })).toBeTruthy();
    expect(rows[1]!.querySelector('img')).toBeNull();
    expect(getByRole(rows[1]!, 'button', { name: 'Download' })).toBeTruthy();
  });
});
