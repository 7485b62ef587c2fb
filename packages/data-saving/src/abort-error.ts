/**
 * The rejection of work that `signal` cancelled before it started: an Error named "AbortError"
 * with code "ABORT_ERR", as Node's own cancelled operations give, the signal's reason as its cause.
 */
export function abortError(signal: AbortSignal, message: string): Error {
  return Object.assign(new Error(message, { cause: signal.reason }), { name: "AbortError", code: "ABORT_ERR" });
}
