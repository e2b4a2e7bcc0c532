// @ts-check
import { readFileSync } from 'node:fs';
import { PASSWORD_LENGTH } from './passwords.mjs';

/**
 * Refuses the passwords an attacker tries first: too short, one character over and over, a run
 * of the keyboard or the alphabet, one of the commonest passwords, or the account's own email.
 * A small check, not a strength estimate; the list is in data/common-passwords.txt.
 */

const COMMON = new Set(
  readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv'];

/** @param {string} text the password lower-cased with spaces taken out */
function isSequence(text) {
  if (text.length < 4) return true;
  for (const run of RUNS) {
    const both = run + [...run].reverse().join('');
    if (both.includes(text)) return true;
  }
  // The same step every character: 13579…, acegi…
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  return Math.abs(step) <= 2 && [...text].every((_, i) => i === 0 || text.charCodeAt(i) - text.charCodeAt(i - 1) === step);
}

/**
 * Why `password` may not be used, in words for the person choosing it; null when it may.
 * @param {string} password
 * @param {string | null} [email] the account's email
 */
export function passwordProblem(password, email = null) {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min) return `Choose a password of at least ${PASSWORD_LENGTH.min} characters.`;
  if (length > PASSWORD_LENGTH.max) return `Choose a password of at most ${PASSWORD_LENGTH.max} characters.`;
  const bare = password.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  if (new Set(bare).size <= 2) return 'This password is one or two characters over and over; choose one that is harder to guess.';
  if (isSequence(bare)) return 'This password is a run of the keyboard or the alphabet; choose one that is harder to guess.';
  if (COMMON.has(bare) || COMMON.has(password.trim().toLowerCase())) return 'This password is one of the most common ones, which are tried first; choose another.';
  if (email) {
    const mail = email.trim().toLowerCase();
    const local = mail.split('@')[0] ?? '';
    if (bare.includes(mail) || (local.length >= 4 && bare.replace(/[^\p{L}\p{N}]/gu, '').startsWith(local.replace(/[^\p{L}\p{N}]/gu, '')) && bare.length - local.length < 4)) {
      return 'This password is the account\'s own email; choose another.';
    }
  }
  return null;
}
