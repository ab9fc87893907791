/** The JetStream API error code an error carries (10071: wrong last sequence, 10119: consumer offline, …), if any. */
export function jsErrorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return code === undefined ? undefined : Number(code);
}

/** JetStream's answer to a stream that does not exist. */
export const STREAM_NOT_FOUND = 10059;

/** JetStream's answer to a consumer that does not exist. */
export const CONSUMER_NOT_FOUND = 10014;

/** JetStream's answer to a write when its store (or its account) has no room left. */
export const INSUFFICIENT_RESOURCES = 10023;

/** JetStream's answer to a write its store could not make (the disk under it full, say: "write …: no space left on device"). */
export const STORE_FAILED = 10077;

/** Errors that mean NATS did not answer: the request may or may not have been carried out. */
const UNANSWERED = new Set(["TimeoutError", "NoResponders", "ClosedConnectionError", "DrainingConnectionError", "ConnectionError"]);

/**
 * Why NATS could not carry out a request, in words for whoever sent it (the api answers 503 with
 * them); undefined for any other error.
 */
export function natsUnavailable(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (jsErrorCode(e) === INSUFFICIENT_RESOURCES)
      return "NATS JetStream has no room left for Berth's state (insufficient resources), so the change was not stored: free space in its store (or raise its max_file_store), then send it again";
    if (jsErrorCode(e) === STORE_FAILED)
      return `NATS JetStream could not write Berth's state to its store (${e.message}), so the change was not stored: free space on the disk under its store, then send it again`;
    if (UNANSWERED.has(e.name))
      return `NATS did not answer in time (${e.message}): the change may not have been stored; read it back, then send it again if it is missing`;
  }
  return undefined;
}
