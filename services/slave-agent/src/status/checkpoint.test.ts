import { appendFileSync, closeSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codecs, type StatusUpdate } from "@berth/bus";
import { JOURNAL_ROTATE_BYTES, StatusCheckpoint } from "./checkpoint.js";

const update = (taskId: string, state: string, message = ""): StatusUpdate => ({
  taskId,
  appId: "/app",
  state,
  message,
  containerId: "",
  exitCode: 0,
  hasExitCode: false,
  ipAddresses: [],
  reason: "",
  uuid: `${taskId}-${state}`,
  agentId: "a1",
  hostname: "h",
  sequence: 1,
  timestampMs: 1,
});

const workDir = () => mkdtempSync(join(tmpdir(), "berth-checkpoint-"));
const files = (dir: string) => readdirSync(join(dir, "pending-status"));
/** What a restarted agent finds: each record's updates as "task state". */
const found = (dir: string) => new StatusCheckpoint(dir).pending().map((p) => p.updates.map((u) => `${u.taskId} ${u.state}`));

describe("StatusCheckpoint", () => {
  it("finds after a restart every record not forgotten, oldest first", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    const a = cp.save([update("t1", "TASK_STAGING"), update("t1", "TASK_RUNNING")]);
    cp.save([update("t2", "TASK_STAGING")]);
    cp.forget(a);
    cp.save([update("t3", "TASK_FAILED")]);
    expect(found(dir)).toEqual([["t2 TASK_STAGING"], ["t3 TASK_FAILED"]]);
  });

  it("empties its journal once every record is forgotten, and appends to it again", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    cp.forget(cp.save([update("t1", "TASK_RUNNING")]));
    const [journal] = files(dir);
    expect(statSync(join(dir, "pending-status", journal as string)).size).toBe(0);
    cp.save([update("t2", "TASK_RUNNING")]);
    expect(files(dir)).toEqual([journal]);
    expect(found(dir)).toEqual([["t2 TASK_RUNNING"]]);
  });

  it("drops a record torn by a crash, and what follows it", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    cp.save([update("t1", "TASK_RUNNING")]);
    cp.save([update("t2", "TASK_RUNNING")]);
    const path = join(dir, "pending-status", files(dir)[0] as string);
    const whole = readFileSync(path);
    // The second record half written; then the same with a flipped byte in its updates.
    writeFileSync(path, whole.subarray(0, whole.length - 3));
    expect(found(dir)).toEqual([["t1 TASK_RUNNING"]]);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 2] = (flipped[flipped.length - 2] as number) ^ 0xff;
    writeFileSync(path, flipped);
    expect(found(dir)).toEqual([["t1 TASK_RUNNING"]]);
    appendFileSync(path, Buffer.alloc(3));
    expect(found(dir)).toEqual([["t1 TASK_RUNNING"]]);
  });

  it("begins a new journal past its size, and removes the old one when all of its records are forgotten", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    const big = "x".repeat(JOURNAL_ROTATE_BYTES / 2);
    const first = [cp.save([update("t1", "TASK_FAILED", big)]), cp.save([update("t2", "TASK_FAILED", big)])];
    const next = cp.save([update("t3", "TASK_RUNNING")]);
    expect(files(dir)).toHaveLength(2);
    first.forEach((r) => cp.forget(r));
    expect(files(dir)).toHaveLength(1);
    expect(found(dir)).toEqual([["t3 TASK_RUNNING"]]);
    cp.forget(next);
    expect(found(dir)).toEqual([]);
  });

  it("after a record it could not write (a full disk), writes the next ones to a new journal", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    cp.save([update("t1", "TASK_RUNNING")]);
    // A closed descriptor stands for the failing disk: the write throws.
    const journal = (cp as unknown as { current: { fd: number } }).current;
    closeSync(journal.fd);
    expect(() => cp.save([update("t2", "TASK_RUNNING")])).toThrow();
    cp.save([update("t3", "TASK_RUNNING")]);
    expect(files(dir)).toHaveLength(2);
    expect(found(dir)).toEqual([["t1 TASK_RUNNING"], ["t3 TASK_RUNNING"]]);
  });

  it("after a mark it could not write, writes the next records to a new journal, and finds the unmarked one again", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    const a = cp.save([update("t1", "TASK_RUNNING")]);
    cp.save([update("t2", "TASK_RUNNING")]);
    closeSync((cp as unknown as { current: { fd: number } }).current.fd);
    expect(() => cp.forget(a)).not.toThrow();
    cp.save([update("t3", "TASK_RUNNING")]);
    expect(files(dir)).toHaveLength(2);
    expect(found(dir)).toEqual([["t1 TASK_RUNNING"], ["t2 TASK_RUNNING"], ["t3 TASK_RUNNING"]]);
  });

  it("reads what an agent before journals left (a file per record, or per update) before its own records", () => {
    const dir = workDir();
    const cp = new StatusCheckpoint(dir);
    const legacy = join(dir, "pending-status");
    writeFileSync(join(legacy, "000000000000001-000000000-u-old.pb"), codecs.statusUpdate.encode(update("t0", "TASK_FINISHED")));
    writeFileSync(
      join(legacy, "000000000000002-000000001-u-group.pbs"),
      codecs.statusUpdates.encode({ updates: [update("t1", "TASK_STAGING")] }),
    );
    cp.save([update("t2", "TASK_RUNNING")]);
    const after = new StatusCheckpoint(dir);
    const pending = after.pending();
    expect(pending.map((p) => p.updates.map((u) => u.taskId))).toEqual([["t0"], ["t1"], ["t2"]]);
    // Forgetting everything a restart found leaves nothing to find again.
    pending.forEach((p) => after.forget(p.file));
    expect(files(dir)).toEqual([]);
  });
});
