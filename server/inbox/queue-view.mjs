// @ts-check
import { h, orDash, when } from './dom.mjs';

/**
 * @typedef {{
 *   id: string, reference: string, status: string, claimedBy: string | null, escalated: boolean,
 *   handoffReason: string | null, overdue: boolean, followUpDue: boolean, waitingForUs?: boolean, urgency: string,
 *   category: string, language: string, mood: string, customerType: string, name: string | null,
 *   submittedAt: string, dueBy: string | null, excerpt: string, verified: boolean,
 * }} Summary
 */

/**
 * Fills the queue table, most pressing first (the server already ordered it).
 * @param {HTMLTableSectionElement} tbody
 * @param {Summary[]} complaints
 * @param {(id: string) => void} onOpen
 */
export function renderQueue(tbody, complaints, onOpen) {
  tbody.replaceChildren(
    ...complaints.map((complaint) =>
      h(
        'tr',
        { 'data-id': complaint.id, 'data-status': complaint.status },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => onOpen(complaint.id) }, complaint.reference)),
        h('td', {}, priorityBadges(complaint)),
        h('td', { class: 'customer' }, orDash(complaint.name), complaint.verified ? [' ', h('span', { class: 'badge ok' }, 'verified')] : null),
        h('td', {}, complaint.category),
        h('td', {}, complaint.language),
        h('td', {}, complaint.status === 'claimed' ? `claimed by ${complaint.claimedBy}` : complaint.status),
        h('td', {}, h('time', { datetime: complaint.submittedAt }, when(complaint.submittedAt))),
        h('td', {}, complaint.dueBy ? h('time', { datetime: complaint.dueBy }, when(complaint.dueBy)) : '—'),
        h('td', { class: 'excerpt' }, complaint.excerpt),
      ),
    ),
  );
}

/** @param {Summary} complaint */
function priorityBadges(complaint) {
  return [
    complaint.handoffReason ? h('span', { class: 'badge hot' }, `handoff: ${complaint.handoffReason}`) : null,
    h('span', { class: complaint.urgency === 'critical' || complaint.urgency === 'high' ? 'badge hot' : 'badge' }, complaint.urgency),
    complaint.overdue ? h('span', { class: 'badge warn' }, 'overdue') : null,
    complaint.waitingForUs ? h('span', { class: 'badge hot' }, 'waiting for us') : null,
    complaint.followUpDue ? h('span', { class: 'badge warn' }, 'follow-up due') : null,
  ];
}

/**
 * Refills a filter's options from what the data holds, keeping the agent's choice.
 * @param {HTMLSelectElement} select
 * @param {string[]} values
 */
export function fillOptions(select, values) {
  const chosen = select.value;
  const all = chosen && !values.includes(chosen) ? [...values, chosen] : values;
  select.replaceChildren(h('option', { value: '' }, 'All'), ...all.map((value) => h('option', { value }, value)));
  select.value = chosen;
}
