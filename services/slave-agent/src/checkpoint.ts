import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codecs, type StatusUpdate } from "@berth/bus";

/** A file of updates written by `save`. */
const GROUP = ".pbs";
/** A file of one update, as agents before group files wrote them: still read after an upgrade. */
const SINGLE = ".pb";

/**
 * The agent's checkpoint of status updates not yet stored by NATS: the updates
 * made in one turn of the event loop are written (and synced) to one file
 * before any of them is sent, and the file is removed once JetStream has
 * acknowledged all of them. After a crash the agent sends them again, in the
 * order they were made.
 */
export class StatusCheckpoint {
  private readonly dir: string;
  private counter = 0;

  constructor(workDir: string) {
    this.dir = join(workDir, "pending-status");
    mkdirSync(this.dir, { recursive: true });
  }

  /** Files written before a crash and their updates, oldest first. */
  pending(): { file: string; updates: StatusUpdate[] }[] {
    const out: { file: string; updates: StatusUpdate[] }[] = [];
    for (const name of readdirSync(this.dir)
      .filter((n) => n.endsWith(GROUP) || n.endsWith(SINGLE))
      .sort()) {
      try {
        const data = readFileSync(join(this.dir, name));
        const updates = name.endsWith(GROUP) ? codecs.statusUpdates.decode(data).updates : [codecs.statusUpdate.decode(data)];
        out.push({ file: name, updates });
      } catch {
        unlinkSync(join(this.dir, name)); // a torn write from a crash mid-write: none of it was sent
      }
    }
    return out;
  }

  /** Durably records updates (oldest first) in one file; returns the name to forget them by. */
  save(updates: StatusUpdate[]): string {
    const first = updates[0] as StatusUpdate;
    const name = `${String(first.timestampMs).padStart(15, "0")}-${String(this.counter++).padStart(9, "0")}-${first.uuid}${GROUP}`;
    const tmp = join(this.dir, `${name}.tmp`);
    const fd = openSync(tmp, "w");
    try {
      writeFileSync(fd, codecs.statusUpdates.encode({ updates }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.dir, name));
    return name;
  }

  forget(name: string): void {
    try {
      unlinkSync(join(this.dir, name));
    } catch {
      // already gone
    }
  }
}
