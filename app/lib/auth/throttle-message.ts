/**
 * How a throttled sign-in travels: `authorize` throws `TooManyAttempts:<seconds>`, next-auth
 * hands that on as the result's `error`, the auth route answers 429 with Retry-After, and the
 * sign-in form shows `throttleMessage`. Shared by server and browser code.
 */
export const THROTTLED_PREFIX = "TooManyAttempts:";

export function throttledError(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${retryAfterSeconds}`;
}

/** Seconds to wait, from an `error` code of a throttled sign-in; null for any other code. */
export function retryAfterOf(error: string | null | undefined): number | null {
  if (!error?.startsWith(THROTTLED_PREFIX)) return null;
  const seconds = Number(error.slice(THROTTLED_PREFIX.length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

/** The one message for any refusal, the same whether or not the account exists. */
export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}
