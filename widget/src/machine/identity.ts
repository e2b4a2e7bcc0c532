import { MAX_CONTACT_LENGTH } from './limits';
import { CONTACT_FIELDS } from './options';
import type { Identity } from './events';

/** Traits kept per visitor: the record's schema takes at most 20, and the receiver refuses more. */
const MAX_TRAITS = 20;
/** Longest trait name and trait text kept. */
const MAX_TRAIT_KEY_LENGTH = 100;
const MAX_TRAIT_TEXT_LENGTH = 500;

/** An HMAC-SHA256 in hex. */
const USER_HASH = /^[0-9a-f]{64}$/i;

type Trait = string | number | boolean | null;

/** A trait value that can be stored (IndexedDB clones it) and sent (JSON) as it is. */
function plainTrait(value: unknown): Trait | undefined {
  if (typeof value === 'string') return value.slice(0, MAX_TRAIT_TEXT_LENGTH);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean' || value === null) return value;
  return undefined;
}

/**
 * What the host page passed, as plain data: short strings, finite numbers, booleans and null.
 * A function, a DOM node or a framework proxy in `traits` could be neither stored (IndexedDB
 * clones it) nor sent (JSON), and would cost the visitor their complaint.
 *
 * @param raw whatever the host page passed to `Heard.identify()` (or the embed's options)
 * @param base what is already known; fields `raw` does not give are kept
 */
export function cleanIdentity(raw: unknown, base: Identity = {}): Identity {
  const identity: Identity = { ...base };
  if (!raw || typeof raw !== 'object') return identity;
  // Read one property at a time: spreading a hostile object could run every getter it has.
  const given = (name: string): unknown => Reflect.get(raw, name);
  for (const field of CONTACT_FIELDS) {
    const value = given(field);
    if (typeof value === 'string' && value.trim()) identity[field] = value.trim().slice(0, MAX_CONTACT_LENGTH);
  }
  const consent = given('followUpConsent');
  if (typeof consent === 'boolean') identity.followUpConsent = consent;
  // The signed pair is replaced together: a hash never vouches for another call's user id.
  if ('userId' in raw || 'userHash' in raw) {
    delete identity.userId;
    delete identity.userHash;
    // Kept exactly as given (the hash covers it), or not at all.
    const userId = given('userId');
    const userHash = given('userHash');
    if (typeof userId === 'string' && userId.trim() && userId.length <= MAX_CONTACT_LENGTH) identity.userId = userId;
    if (typeof userHash === 'string' && USER_HASH.test(userHash.trim())) identity.userHash = userHash.trim().toLowerCase();
  }
  const rawTraits = given('traits');
  if (rawTraits && typeof rawTraits === 'object') {
    // What was kept before is plain already.
    const traits: Record<string, unknown> = { ...base.traits };
    try {
      for (const [rawKey, value] of Object.entries(rawTraits)) {
        const plain = plainTrait(value);
        const key = rawKey.slice(0, MAX_TRAIT_KEY_LENGTH);
        if (plain === undefined) continue;
        // A later call updates a trait it names; a new one is added only while there is room.
        if (Object.hasOwn(traits, key) || Object.keys(traits).length < MAX_TRAITS) traits[key] = plain;
      }
    } catch {
      // A hostile object (a throwing proxy): keep what was there.
    }
    identity.traits = traits;
  }
  return identity;
}
