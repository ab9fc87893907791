import type { ValidationDetail } from "./errors.js";

/** Collects per-field errors while reading untrusted JSON; never throws. */
export class Checker {
  private readonly found = new Map<string, string[]>();

  fail(path: string, message: string): void {
    const list = this.found.get(path);
    if (list) list.push(message);
    else this.found.set(path, [message]);
  }

  get details(): ValidationDetail[] {
    return [...this.found].map(([path, errors]) => ({ path, errors }));
  }

  get ok(): boolean {
    return this.found.size === 0;
  }

  number(path: string, value: unknown, opts: { min?: number; max?: number; exclusiveMin?: number; integer?: boolean }): number | undefined {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.fail(path, "must be a number");
      return undefined;
    }
    if (opts.integer && !Number.isInteger(value)) {
      this.fail(path, "must be an integer");
      return undefined;
    }
    if (opts.exclusiveMin !== undefined && value <= opts.exclusiveMin) {
      this.fail(path, `must be greater than ${opts.exclusiveMin}`);
      return undefined;
    }
    if (opts.min !== undefined && value < opts.min) {
      this.fail(path, `must be at least ${opts.min}`);
      return undefined;
    }
    if (opts.max !== undefined && value > opts.max) {
      this.fail(path, `must be at most ${opts.max}`);
      return undefined;
    }
    return value;
  }

  string(path: string, value: unknown, opts: { maxLength?: number; nonEmpty?: boolean } = {}): string | undefined {
    if (typeof value !== "string") {
      this.fail(path, "must be a string");
      return undefined;
    }
    if (opts.nonEmpty && value.length === 0) {
      this.fail(path, "must not be empty");
      return undefined;
    }
    if (opts.maxLength !== undefined && value.length > opts.maxLength) {
      this.fail(path, `must be at most ${opts.maxLength} characters`);
      return undefined;
    }
    if (value.includes("\0")) {
      this.fail(path, "must not contain NUL characters");
      return undefined;
    }
    return value;
  }

  boolean(path: string, value: unknown): boolean | undefined {
    if (typeof value !== "boolean") {
      this.fail(path, "must be true or false");
      return undefined;
    }
    return value;
  }

  object(path: string, value: unknown): Record<string, unknown> | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(path, "must be an object");
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  array(path: string, value: unknown, maxItems = 1000): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, "must be an array");
      return undefined;
    }
    if (value.length > maxItems) {
      this.fail(path, `must have at most ${maxItems} items`);
      return undefined;
    }
    return value;
  }

  enumOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${allowed.join(", ")}`);
      return undefined;
    }
    return value as T;
  }

  /** A map of string to string, as `env` and `labels`. */
  stringMap(
    path: string,
    value: unknown,
    opts: { maxEntries: number; keyPattern?: RegExp; keyRule?: string },
  ): Record<string, string> | undefined {
    const obj = this.object(path, value);
    if (!obj) return undefined;
    const keys = Object.keys(obj);
    if (keys.length > opts.maxEntries) {
      this.fail(path, `must have at most ${opts.maxEntries} entries`);
      return undefined;
    }
    const out: Record<string, string> = {};
    let good = true;
    for (const key of keys) {
      const child = `${path}/${escapePointer(key)}`;
      if (key.length === 0 || key.length > 255 || (opts.keyPattern && !opts.keyPattern.test(key))) {
        this.fail(child, opts.keyRule ?? "invalid key");
        good = false;
        continue;
      }
      const v = this.string(child, obj[key], { maxLength: 64 * 1024 });
      if (v === undefined) good = false;
      else out[key] = v;
    }
    return good ? out : undefined;
  }
}

export function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Reads a value that may be absent: undefined and null are both absent, as in Marathon's JSON. */
export function opt<T>(value: unknown, read: (v: unknown) => T | undefined): T | undefined {
  return value === undefined || value === null ? undefined : read(value);
}

/** A list of strings, each at most `maxLength`; undefined (with the reasons recorded) when any is wrong. */
export function stringList(c: Checker, path: string, value: unknown, max: number, maxLength: number): string[] | undefined {
  const list = c.array(path, value, max);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((item, i) => {
    const s = c.string(`${path}/${i}`, item, { maxLength });
    if (s !== undefined) out.push(s);
  });
  return out.length === list.length ? out : undefined;
}
