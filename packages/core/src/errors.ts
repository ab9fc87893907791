/** One error base for all of Berth: a stable code, the HTTP status it maps to, and whether a retry can help. */
export interface ErrorData {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
}

export interface ValidationDetail {
  /** JSON pointer of the offending field, as Marathon reports it: "/cpus", "/container/docker/image". */
  readonly path: string;
  readonly errors: readonly string[];
}

export class BerthError extends Error {
  override readonly name: string = "BerthError";
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export class ValidationError extends BerthError {
  override readonly name = "ValidationError";
  constructor(
    readonly details: readonly ValidationDetail[],
    message = "Object is not valid",
  ) {
    super("BERTH_ERR_INVALID", message, 422, false);
  }
}

export class NotFoundError extends BerthError {
  override readonly name = "NotFoundError";
  constructor(message: string) {
    super("BERTH_ERR_NOT_FOUND", message, 404, false);
  }
}

/** No token, or one that is not (or no longer) valid. */
export class UnauthorizedError extends BerthError {
  override readonly name = "UnauthorizedError";
  constructor(message: string) {
    super("BERTH_ERR_UNAUTHORIZED", message, 401, false);
  }
}

/** A valid token that may not do this. */
export class ForbiddenError extends BerthError {
  override readonly name = "ForbiddenError";
  constructor(message: string) {
    super("BERTH_ERR_FORBIDDEN", message, 403, false);
  }
}

/** A change refused because it would take its team over a quota. */
export class QuotaExceededError extends BerthError {
  override readonly name = "QuotaExceededError";
  constructor(message: string) {
    super("BERTH_ERR_QUOTA", message, 403, false);
  }
}

export class ConflictError extends BerthError {
  override readonly name = "ConflictError";
  constructor(
    message: string,
    readonly deploymentIds: readonly string[] = [],
  ) {
    super("BERTH_ERR_CONFLICT", message, 409, false);
  }
}

export class UnavailableError extends BerthError {
  override readonly name = "UnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("BERTH_ERR_UNAVAILABLE", message, 503, true, options);
  }
}

/** The HTTP status of each code, for an error rebuilt on the other side of the bus. */
const STATUS_OF_CODE: Record<string, number> = {
  BERTH_ERR_INVALID: 422,
  BERTH_ERR_NOT_FOUND: 404,
  BERTH_ERR_UNAUTHORIZED: 401,
  BERTH_ERR_FORBIDDEN: 403,
  BERTH_ERR_QUOTA: 403,
  BERTH_ERR_CONFLICT: 409,
  BERTH_ERR_UNAVAILABLE: 503,
};

/** An error as it crosses the bus: a BerthError's code, message and retryability; any other, internal and retryable. */
export function errorToData(err: unknown): ErrorData {
  if (err instanceof BerthError) return err.toData();
  return { code: "BERTH_ERR_INTERNAL", message: err instanceof Error ? err.message : String(err), retryable: true };
}

/** Rebuilds an error that crossed the bus as data, with the HTTP status its code stands for (500 for one unknown). */
export function errorFromData(data: { code?: string | null; message?: string | null; retryable?: boolean | null }): BerthError {
  const code = data.code || "BERTH_ERR_INTERNAL";
  return new BerthError(code, data.message ?? "", STATUS_OF_CODE[code] ?? 500, data.retryable ?? false);
}
