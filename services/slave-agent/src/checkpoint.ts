import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, openSync, fsyncSync, closeSync } from "node:fs";
import { join } from "node:path";
import { codecs, type StatusUpdate } from "@berth/bus";

/**
 * The agent's checkpoint of status updates not yet stored by NATS: each is
 * written (and synced) to its own file before it is sent, and removed once
 * JetStream acknowledges it. After a crash the agent sends them again, in the
 * order they were made.
 */
export class StatusCheckpoint {
  private readonly dir: string;
  private counter = 0;

  constructor(workDir: string) {
    this.dir = join(workDir, "pending-status");
    mkdirSync(this.dir, { recursive: true });
  }

  /** Updates written before a crash, oldest first. */
  pending(): { file: string; update: StatusUpdate }[] {
    const out: { file: string; update: StatusUpdate }[] = [];
    for (const name of readdirSync(this.dir)
      .filter((n) => n.endsWith(".pb"))
      .sort()) {
      try {
        out.push({ file: name, update: codecs.statusUpdate.decode(readFileSync(join(this.dir, name))) });
      } catch {
        unlinkSync(join(this.dir, name)); // a torn write from a crash mid-write: it was never sent
      }
    }
    return out;
  }

  /** Durably records an update; returns the name to forget it by. */
  save(update: StatusUpdate): string {
    const name = `${String(update.timestampMs).padStart(15, "0")}-${String(this.counter++).padStart(9, "0")}-${update.uuid}.pb`;
    const tmp = join(this.dir, `${name}.tmp`);
    const fd = openSync(tmp, "w");
    try {
      writeFileSync(fd, codecs.statusUpdate.encode(update));
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
