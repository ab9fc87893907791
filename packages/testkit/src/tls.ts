import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureLocalCa, type TlsFiles } from "@berth/runtime";

let made: Promise<TlsFiles> | undefined;

/** A CA and a loopback certificate for this test process's servers (nats-server, the api): made once per process. */
export function testTls(): Promise<TlsFiles> {
  made ??= mkdtemp(join(tmpdir(), "berth-tls-")).then((dir) => {
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return ensureLocalCa(dir);
  });
  return made;
}
