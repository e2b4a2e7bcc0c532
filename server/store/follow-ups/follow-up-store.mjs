// @ts-check
/**
 * What follow-ups keep in the database, on both backends.
 * @typedef {{
 *   serverSecret(name: string, make: () => string): Promise<string>,
 *   optOutOfFollowUps(emailHash: string, at: string): Promise<void>,
 *   hasOptedOutOfFollowUps(emailHash: string): Promise<boolean>,
 * }} FollowUpStore
 *   `serverSecret` stores `make()` under `name` unless one is there, and returns the stored one.
 */
export {};
