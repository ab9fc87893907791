import { natsUnavailable } from "@berth/bus";
import { BerthError, ConflictError, ValidationError, type ValidationDetail } from "@berth/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

/** Marathon's error body: a message, and for invalid input the details per field. */
export interface MarathonError {
  message: string;
  details?: readonly ValidationDetail[];
  deployments?: { id: string }[];
}

function body(err: FastifyError | BerthError | Error): { status: number; body: MarathonError } {
  if (err instanceof ValidationError) return { status: 422, body: { message: err.message, details: err.details } };
  if (err instanceof ConflictError) {
    return {
      status: 409,
      body: { message: err.message, ...(err.deploymentIds.length ? { deployments: err.deploymentIds.map((id) => ({ id })) } : {}) },
    };
  }
  if (err instanceof BerthError) return { status: err.httpStatus, body: { message: err.message } };
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode ?? 500;
  if (code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError) {
    return { status: 400, body: { message: "Invalid JSON", details: [{ path: "/", errors: [err.message] }] } };
  }
  if (code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
    return {
      status: 400,
      body: { message: "Invalid JSON", details: [{ path: "/", errors: ["the request body is empty; send a JSON object"] }] },
    };
  }
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return {
      status: 413,
      body: { message: `Request body too large: the limit is ${(err as FastifyError & { limit?: number }).limit ?? "1 MiB"} bytes` },
    };
  }
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return { status: 415, body: { message: "Unsupported media type: send application/json" } };
  }
  if (status >= 400 && status < 500) return { status, body: { message: err.message } };
  // NATS without room or without an answer: a change not stored (or not known to be), reads go on from the api's view.
  const unavailable = natsUnavailable(err);
  if (unavailable) return { status: 503, body: { message: unavailable } };
  return { status: 500, body: { message: "Internal error: see the api's log" } };
}

/** How long a refused body is read and dropped before the answer, so the client is not reset mid-send. */
const LINGER_MS = 5_000;

/**
 * Reads and drops the rest of a request body the api refused, up to LINGER_MS.
 * Answering while the client still sends makes the server close a socket with
 * unread data, which resets the connection and loses the answer on the way
 * (as nginx's lingering close avoids).
 */
function drained(req: FastifyRequest): Promise<void> {
  const raw = req.raw;
  if (raw.complete || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, LINGER_MS);
    function done() {
      clearTimeout(timer);
      raw.off("end", done).off("close", done).off("error", done);
      resolve();
    }
    raw.on("end", done).on("close", done).on("error", done);
    raw.resume();
  });
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const { status, body: b } = body(err);
  if (status >= 500) req.log.error({ err }, "request failed");
  if (status === 413) {
    void drained(req).then(() => reply.status(status).send(b));
    return;
  }
  void reply.status(status).send(b);
}
