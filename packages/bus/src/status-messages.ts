import type { StatusUpdate } from "./codec.js";

/** At most this many updates go in one status message (about 300 bytes each)... */
const MAX_UPDATES = 100;
/** ...and about this many bytes: NATS refuses a message over its payload limit (1 MiB by default). */
const MAX_BYTES = 256 * 1024;

/** How many of `items`, from `from` on, go in one status message: at least one, if there is one. */
export function updatesInOneMessage<T>(items: readonly T[], updateOf: (item: T) => StatusUpdate, from = 0): number {
  let count = 0;
  let bytes = 0;
  for (let i = from; i < items.length; i++) {
    const update = updateOf(items[i] as T);
    const size = 300 + update.message.length + (update.health?.lastFailureCause?.length ?? 0);
    if (count > 0 && (count >= MAX_UPDATES || bytes + size > MAX_BYTES)) break;
    count++;
    bytes += size;
  }
  return count;
}

/** `updates` in order, cut into status messages. */
export function statusMessages(updates: readonly StatusUpdate[]): StatusUpdate[][] {
  const out: StatusUpdate[][] = [];
  for (let i = 0; i < updates.length;) {
    const n = updatesInOneMessage(updates, (u) => u, i);
    out.push(updates.slice(i, i + n));
    i += n;
  }
  return out;
}
