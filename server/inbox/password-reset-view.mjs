// @ts-check
import { requestReset, resetOptions, resetPassword } from './api.mjs';

/**
 * "Forgot your password?" and the page a reset link opens (`/inbox/#reset=<token>`), both before
 * anyone is signed in. The token stays in the fragment, which no server or Referer ever sees,
 * and leaves the address bar once it is used.
 */

/** @template {HTMLElement} T @param {string} id @returns {T} */
const byId = (id) => /** @type {T} */ (document.getElementById(id));

/** Shows one of the signed-out pages and hides the others. @param {HTMLElement} view */
function showOnly(view) {
  for (const main of document.querySelectorAll('main')) main.hidden = main !== view;
}

/** The "Forgot your password?" page: the form when mail is configured, else who to ask. */
export async function showForgot() {
  const view = byId('forgot-view');
  const form = /** @type {HTMLFormElement} */ (byId('forgot'));
  const unavailable = byId('forgot-unavailable');
  showOnly(view);
  byId('forgot-sent').textContent = '';
  byId('forgot-error').textContent = '';
  try {
    const options = await resetOptions();
    form.hidden = !options.available;
    unavailable.hidden = options.available;
    byId('reset-minutes').textContent = String(options.minutes);
    unavailable.textContent = options.message ?? '';
  } catch {
    form.hidden = true;
    unavailable.hidden = false;
    unavailable.textContent = 'The server did not answer; try again, or ask an admin to reset your password.';
  }
  if (form.hidden) byId('forgot-title').focus();
  else byId('forgot-email').focus();
}

/** The page a reset link opens. @param {string} token */
export function showReset(token) {
  showOnly(byId('reset-view'));
  byId('reset-password').dataset.token = token;
  byId('reset-new-password').focus();
}

/**
 * Wires the forms. `showSignIn` shows the sign-in form, with `notice` said there (the new
 * password is set) and the email filled in.
 * @param {{ showSignIn: (after?: { email: string, notice: string }) => void, signedIn: () => boolean }} inbox
 */
export function wirePasswordReset({ showSignIn, signedIn }) {
  const forgot = /** @type {HTMLFormElement} */ (byId('forgot'));
  const email = /** @type {HTMLInputElement} */ (byId('forgot-email'));
  forgot.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = byId('forgot-sent');
    const error = byId('forgot-error');
    sent.textContent = '';
    error.textContent = '';
    try {
      sent.textContent = (await requestReset(email.value.trim())).message;
    } catch (failure) {
      const status = /** @type {{ status?: number }} */ (failure).status;
      error.textContent = status && status < 500 ? /** @type {Error} */ (failure).message : 'The server did not answer; try again.';
    }
  });

  const reset = /** @type {HTMLFormElement} */ (byId('reset-password'));
  const password = /** @type {HTMLInputElement} */ (byId('reset-new-password'));
  reset.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = byId('reset-error');
    error.textContent = '';
    try {
      const answer = await resetPassword(reset.dataset.token ?? '', password.value);
      password.value = '';
      delete reset.dataset.token;
      // The link is used up: take it out of the address bar and the history.
      history.replaceState(null, '', location.pathname);
      showSignIn({ email: answer.email, notice: answer.message });
    } catch (failure) {
      const status = /** @type {{ status?: number }} */ (failure).status;
      error.textContent = status && status < 500 ? /** @type {Error} */ (failure).message : 'The server did not answer; try again.';
    }
  });

  // The "Forgot your password?" link and "Back to sign in" change only the fragment.
  window.addEventListener('hashchange', () => {
    if (signedIn()) return;
    const token = /^#reset=([\w-]+)$/.exec(location.hash)?.[1];
    if (token) showReset(token);
    else if (location.hash === '#forgot') void showForgot();
    else if (location.hash === '') showSignIn();
  });
}
