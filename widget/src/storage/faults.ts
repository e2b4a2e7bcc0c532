/**
 * Whether a storage error means "out of space". Browsers report it as `QuotaExceededError`,
 * sometimes only on the transaction while the request says `AbortError`, and some wrap it as
 * the cause of an `AbortError`; so look through the usual wrappers.
 */
export function isQuotaError(error: unknown): boolean {
  return someInChain(error, (e) => e.name === 'QuotaExceededError' || e.code === 22 || /quota/i.test(e.message ?? ''));
}

/** A short, human-readable reason for the console, e.g. `quota exceeded (AbortError)`. */
export function describeStorageFault(error: unknown): string {
  if (isQuotaError(error)) return 'the storage quota is exceeded';
  if (error instanceof Error || isErrorLike(error)) {
    const { name, message } = error as ErrorLike;
    return message ? `${name ?? 'Error'}: ${message}` : String(name ?? 'Error');
  }
  return String(error);
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: number;
  cause?: unknown;
  inner?: unknown;
  error?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && ('name' in value || 'message' in value);
}

function someInChain(error: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (!isErrorLike(error) || depth > 4) return false;
  if (test(error)) return true;
  return [error.cause, error.inner, error.error].some((next) => next !== error && someInChain(next, test, depth + 1));
}
