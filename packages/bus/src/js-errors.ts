/** The JetStream API error code an error carries (10071: wrong last sequence, 10119: consumer offline, …), if any. */
export function jsErrorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return code === undefined ? undefined : Number(code);
}

/** JetStream's answer to a stream that does not exist. */
export const STREAM_NOT_FOUND = 10059;

/** JetStream's answer to a consumer that does not exist. */
export const CONSUMER_NOT_FOUND = 10014;
