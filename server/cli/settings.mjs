// @ts-check
import { readConfig } from '../config.mjs';
import { CommandError } from './usage.mjs';

/**
 * The server's settings from the environment, read by server/config.mjs as at start-up; a bad
 * one stops the command with the same sentence start-up gives.
 * @param {NodeJS.ProcessEnv} env
 */
export function settings(env) {
  try {
    return readConfig(env);
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : error} (heard-server check-config lists every setting that is wrong)`);
  }
}
