import { readFile } from "node:fs/promises";

export interface InterfaceCounters {
  interface: string;
  receiveBytes: number;
  receivePackets: number;
  receiveErrors: number;
  receiveDropped: number;
  transmitBytes: number;
  transmitPackets: number;
  transmitErrors: number;
  transmitDropped: number;
}

/** Parses /proc/<pid>/net/dev, leaving out the loopback interface as cAdvisor does. */
export function parseNetDev(text: string): InterfaceCounters[] {
  const out: InterfaceCounters[] = [];
  for (const line of text.split("\n").slice(2)) {
    const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
    if (!m || m[1] === "lo") continue;
    const f = (m[2] ?? "").trim().split(/\s+/).map(Number);
    out.push({
      interface: m[1] ?? "",
      receiveBytes: f[0] ?? 0,
      receivePackets: f[1] ?? 0,
      receiveErrors: f[2] ?? 0,
      receiveDropped: f[3] ?? 0,
      transmitBytes: f[8] ?? 0,
      transmitPackets: f[9] ?? 0,
      transmitErrors: f[10] ?? 0,
      transmitDropped: f[11] ?? 0,
    });
  }
  return out;
}

/** A container's own interfaces, read through its main process's network namespace. */
export async function readNetDev(pid: number, proc = "/proc"): Promise<InterfaceCounters[]> {
  return readFile(`${proc}/${pid}/net/dev`, "utf8").then(parseNetDev, () => []);
}
