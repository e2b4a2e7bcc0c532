import type { ContactErrors, ContactInput } from './events';
import { MAX_CONTACT_LENGTH } from './limits';
import { CONTACT_FIELDS, type ContactField } from './options';

// One `@`, no spaces, a dot in the domain. Deliberately permissive: the aim is to catch typos
// ("name@example", "name example.com"), not to reject real addresses. Linear: no nesting.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
// Digits with the usual separators; 7 to 15 digits (E.164 allows 15).
const PHONE_CHARS = /^\+?[\d\s().\-\/]+$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isValidPhone(value: string): boolean {
  if (!PHONE_CHARS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

const clean = (v: string | undefined | null): string => (v ?? '').replace(/\s+/g, ' ').trim();

/**
 * Checks what the visitor typed into the contact form against what the owner requires.
 * Fields already known from `identify()` count as given.
 */
export function validateContact(
  input: ContactInput,
  known: ContactInput,
  required: readonly ContactField[],
): { errors: ContactErrors; value: Required<Omit<ContactInput, 'followUpConsent'>> } {
  const errors: ContactErrors = {};
  const value = {
    name: clean(input.name) || clean(known.name),
    email: clean(input.email) || clean(known.email),
    phone: clean(input.phone) || clean(known.phone),
    accountRef: clean(input.accountRef) || clean(known.accountRef),
  };
  for (const field of CONTACT_FIELDS) {
    const v = value[field];
    if (v.length > MAX_CONTACT_LENGTH) errors[field] = 'tooLong';
    else if (!v && required.includes(field)) errors[field] = 'required';
    else if (v && field === 'email' && !isValidEmail(v)) errors.email = 'email';
    else if (v && field === 'phone' && !isValidPhone(v)) errors.phone = 'phone';
  }
  return { errors, value };
}

/** Required fields the host page has not already given. */
export function missingContact(known: ContactInput, required: readonly ContactField[]): ContactField[] {
  return required.filter((f) => {
    const v = clean(known[f]);
    if (!v) return true;
    if (f === 'email') return !isValidEmail(v);
    if (f === 'phone') return !isValidPhone(v);
    return false;
  });
}
