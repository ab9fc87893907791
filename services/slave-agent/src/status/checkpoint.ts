import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statfsSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { codecs, type StatusUpdate } from "@berth/bus";

/**
 * A journal: records of [length, CRC-32 of the updates, the updates], each
 * appended and synced, and marks of [STORED, n] saying its n-th record (from 0)
 * is stored, appended without a sync (a mark lost makes a record sent twice).
 */
const JOURNAL = ".journal";
const STORED = 0xffffffff;
/** A file of updates, as agents before journals wrote them (one per record): still read after an upgrade. */
const GROUP = ".pbs";
/** A file of one update, as agents before group files wrote them: still read after an upgrade. */
const SINGLE = ".pb";
/** Bytes before each record's updates (their length and CRC-32, little-endian), and a mark's size. */
const HEADER = 8;
/** A journal this long with updates still unstored is closed, and the next record begins a new one. */
export const JOURNAL_ROTATE_BYTES = 1 << 20;
/** Less free space than this in the work dir, and the agent takes no launch: it could not checkpoint the task's updates. */
export const MIN_FREE_BYTES = 1 << 20;

interface Journal {
  name: string;
  fd: number;
  bytes: number;
  /** Records appended since it was begun or last emptied. */
  records: number;
}

/**
 * The agent's checkpoint of status updates not yet stored by NATS: the updates
 * made in one turn of the event loop are appended (and synced) to a journal as
 * one record before any of them is sent, and marked stored once JetStream has
 * acknowledged them. A journal whose records are all stored is emptied (or, if
 * a newer one has begun, removed), so an agent that keeps up appends to one
 * short file. After a crash the agent sends every record not marked stored
 * again, in the order they were made; a record torn by the crash was never
 * sent, and it and what follows it are dropped. A record found again after it
 * was stored (a mark or an emptying that the crash undid) is sent twice; the
 * aggregator ignores the copy.
 */
export class StatusCheckpoint {
  private readonly dir: string;
  /** The journal records are appended to now. */
  private current: Journal | undefined;
  /** For each journal, how many of its records are not yet forgotten. */
  private readonly unforgotten = new Map<string, number>();
  /** Journals begun by this process, to name each uniquely. */
  private journals = 0;

  constructor(workDir: string) {
    this.dir = join(workDir, "pending-status");
    mkdirSync(this.dir, { recursive: true });
  }

  /** Why records may not fit now (the work dir's file system has less than MIN_FREE_BYTES free), or undefined. */
  spaceProblem(): string | undefined {
    try {
      const fs = statfsSync(this.dir);
      const free = fs.bavail * fs.bsize;
      if (free >= MIN_FREE_BYTES) return undefined;
      return `the agent's work dir is full (${Math.floor(free / 1024)} KiB free in ${this.dir}; status updates need ${MIN_FREE_BYTES / 1024} KiB to be checkpointed)`;
    } catch (err) {
      return `the agent's work dir cannot be read: ${(err as Error).message}`;
    }
  }

  /** Records written before a crash and their updates, oldest first; `file` is what to forget each by. */
  pending(): { file: string; updates: StatusUpdate[] }[] {
    const out: { file: string; updates: StatusUpdate[] }[] = [];
    for (const name of readdirSync(this.dir)
      .filter((n) => n.endsWith(JOURNAL) || n.endsWith(GROUP) || n.endsWith(SINGLE))
      .sort()) {
      const data = readFileSync(join(this.dir, name));
      if (name.endsWith(JOURNAL)) {
        const records = readJournal(data);
        for (const [n, updates] of records) out.push({ file: this.recordOf(name, n), updates });
        if (records.length === 0) this.remove(name);
        continue;
      }
      try {
        const updates = name.endsWith(GROUP) ? codecs.statusUpdates.decode(data).updates : [codecs.statusUpdate.decode(data)];
        out.push({ file: name, updates });
      } catch {
        this.remove(name); // a torn write from a crash mid-write: none of it was sent
      }
    }
    return out;
  }

  /** Durably records updates (oldest first) as one record; returns the name to forget them by. */
  save(updates: StatusUpdate[]): string {
    const journal = this.current ?? this.begin();
    const payload = codecs.statusUpdates.encode({ updates });
    const record = Buffer.allocUnsafe(HEADER + payload.length);
    record.writeUInt32LE(payload.length, 0);
    record.writeUInt32LE(crc32(payload), 4);
    record.set(payload, HEADER);
    try {
      append(journal, record);
      fdatasyncSync(journal.fd);
    } catch (err) {
      // A record half written (a full disk) would hide the records after it: they go to a new journal.
      this.close();
      throw err;
    }
    const name = this.recordOf(journal.name, journal.records++);
    if (journal.bytes >= JOURNAL_ROTATE_BYTES) this.close();
    return name;
  }

  /** Forgets a record once its updates are stored: marks it, or empties or removes a journal with none left. */
  forget(record: string): void {
    const hash = record.lastIndexOf("#");
    if (hash < 0) return this.remove(record);
    const name = record.slice(0, hash);
    const current = this.current?.name === name ? this.current : undefined;
    const left = (this.unforgotten.get(name) ?? 1) - 1;
    if (left > 0) {
      this.unforgotten.set(name, left);
      if (!current) return; // a journal from before a restart: removed once all of it is forgotten
      const mark = Buffer.allocUnsafe(HEADER);
      mark.writeUInt32LE(STORED, 0);
      mark.writeUInt32LE(Number(record.slice(hash + 1)), 4);
      try {
        append(current, mark);
      } catch {
        this.close(); // a mark half written would hide the records after it (the record is sent again after a crash)
      }
      return;
    }
    this.unforgotten.delete(name);
    if (current) {
      try {
        ftruncateSync(current.fd, 0);
        Object.assign(current, { bytes: 0, records: 0 });
        return;
      } catch {
        this.close();
      }
    }
    this.remove(name);
  }

  /** Closes the journal (the agent is stopping); what it holds is found by `pending` at the next start. */
  close(): void {
    if (!this.current) return;
    const { fd } = this.current;
    this.current = undefined;
    try {
      closeSync(fd);
    } catch {
      // a descriptor that failed: the next record goes to a new journal all the same
    }
  }

  /** The name to forget a journal's n-th record by. */
  private recordOf(journal: string, n: number): string {
    this.unforgotten.set(journal, (this.unforgotten.get(journal) ?? 0) + 1);
    return `${journal}#${n}`;
  }

  private begin(): Journal {
    const name = `${String(Date.now()).padStart(15, "0")}-${String(this.journals++).padStart(9, "0")}${JOURNAL}`;
    const fd = openSync(join(this.dir, name), "a");
    // The journal's name must outlive a crash as its records do.
    const dir = openSync(this.dir, "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    this.current = { name, fd, bytes: 0, records: 0 };
    return this.current;
  }

  private remove(name: string): void {
    try {
      unlinkSync(join(this.dir, name));
    } catch {
      // already gone
    }
  }
}

function append(journal: Journal, bytes: Buffer): void {
  for (let at = 0; at < bytes.length;) at += writeSync(journal.fd, bytes, at);
  journal.bytes += bytes.length;
}

/**
 * A journal's records not marked stored, with their numbers, up to the first
 * that is short or does not match its CRC-32.
 */
export function readJournal(data: Buffer): [number, StatusUpdate[]][] {
  const records: StatusUpdate[][] = [];
  const stored = new Set<number>();
  for (let at = 0; at + HEADER <= data.length;) {
    const length = data.readUInt32LE(at);
    if (length === STORED) {
      stored.add(data.readUInt32LE(at + 4));
      at += HEADER;
      continue;
    }
    const payload = data.subarray(at + HEADER, at + HEADER + length);
    if (payload.length < length || crc32(payload) !== data.readUInt32LE(at + 4)) break;
    try {
      records.push(codecs.statusUpdates.decode(payload).updates);
    } catch {
      break;
    }
    at += HEADER + length;
  }
  return records.flatMap((updates, n): [number, StatusUpdate[]][] => (stored.has(n) ? [] : [[n, updates]]));
}
