// @ts-check
import { escapeHtml } from '../jobs/forwarding/email.mjs';

/**
 * The email with an agent's link to choose a new password: plain text, and HTML in which the
 * link is shown as its own text, so the reader sees where it goes.
 * @param {{ name: string, url: string, minutes: number, by?: string | null }} reset `by`: the admin who
 *   reset the password, when it was not the agent who asked
 */
export function resetEmail({ name, url, minutes, by = null }) {
  const lines = [
    `Hello ${name},`,
    '',
    by
      ? `${by}, an admin, has reset the password of your Heard inbox account. To choose a new one, open this link:`
      : 'Someone asked to reset the password of your Heard inbox account. To choose a new one, open this link:',
    '',
    url,
    '',
    `It works once, for ${minutes} minutes. Choosing a new password signs you out everywhere.`,
    by
      ? 'Your old password no longer works. If the link has expired, ask an admin for a new one.'
      : 'If you did not ask for this, you can ignore this email: your password stays as it is.',
  ];
  const paragraph = (/** @type {string} */ text) => `<p>${escapeHtml(text)}</p>`;
  return {
    subject: 'Reset your Heard password',
    text: lines.join('\n'),
    html: [
      '<!doctype html><meta charset="utf-8">',
      paragraph(lines[0] ?? ''),
      paragraph(lines[2] ?? ''),
      `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
      paragraph(lines[6] ?? ''),
      paragraph(lines[7] ?? ''),
    ].join('\n'),
  };
}
