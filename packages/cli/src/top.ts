import type { ApiUsageReport } from "@berth/contract";
import { type Args, UsageError } from "./args.js";
import type { Client } from "./client.js";
import { bold, formatOf, rendered, table } from "./output.js";

/** GET /v2/usage's answer. */
export type UsageAnswer = Pick<ApiUsageReport, "timestamp" | "tasks">;

export type SortKey = "cpu" | "mem" | "name";
const SORT_KEYS: readonly SortKey[] = ["cpu", "mem", "name"];

export const TOP_USAGE = `  berth top [--app ID] [--team T] [--sort cpu|mem|name] [--interval S] [--once]
             live CPU and memory of every task you may read; keys: c, m, n sort, q quits`;

const MiB = 1024 * 1024;
const percent = (part: number, whole: number | null) => (whole ? `${Math.round((100 * part) / whole)}%` : "-");
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)}MiB`;

/** The tasks now running, sorted, as rows; and the totals line. Pure: tested without a terminal. */
export function renderTop(answer: UsageAnswer, sort: SortKey): string {
  const live = answer.tasks.filter((t) => t.current !== null);
  const cpu = (t: (typeof live)[number]) => t.current?.cpus ?? 0;
  const mem = (t: (typeof live)[number]) => t.current?.memBytes ?? 0;
  const order: Record<SortKey, (a: (typeof live)[number], b: (typeof live)[number]) => number> = {
    cpu: (a, b) => cpu(b) - cpu(a) || a.taskId.localeCompare(b.taskId),
    mem: (a, b) => mem(b) - mem(a) || a.taskId.localeCompare(b.taskId),
    name: (a, b) => a.appId.localeCompare(b.appId) || a.taskId.localeCompare(b.taskId),
  };
  const rows = [...live]
    .sort(order[sort])
    .map((t) => [
      t.appId,
      t.taskId,
      cpu(t).toFixed(2),
      percent(cpu(t), t.cpus),
      mib(mem(t)),
      percent(mem(t), t.memLimitBytes || (t.mem === null ? null : t.mem * MiB)),
      percent(t.current?.throttled ?? 0, 1),
      t.peak.cpus.toFixed(2),
      t.agentId,
    ]);
  const totalCpu = live.reduce((a, t) => a + cpu(t), 0);
  const totalMem = live.reduce((a, t) => a + mem(t), 0);
  const apps = new Set(live.map((t) => t.appId)).size;
  const head = `${apps} apps, ${live.length} tasks: ${totalCpu.toFixed(2)} cpus, ${mib(totalMem)} in use (sorted by ${sort})`;
  const body = table(["APP", "TASK", "CPU", "CPU%", "MEM", "MEM%", "THROTTLED", "PEAK CPU", "AGENT"], rows);
  return `${head}\n${body}`;
}

export interface TopIo {
  out: (text: string) => void;
  /** Present at a terminal: the live view draws here and reads keys. */
  terminal?: Terminal;
}

/** What the live view needs of a terminal: drawing, keys one at a time, and being told to stop (SIGINT, SIGTERM). */
export interface Terminal {
  draw(screen: string): void;
  onKey(listener: (key: string) => void): void;
  onStop(listener: () => void): void;
  close(): void;
}

function sortOf(args: Args): SortKey {
  const s = args.flags.get("sort") ?? "cpu";
  if (SORT_KEYS.includes(s as SortKey)) return s as SortKey;
  throw new UsageError(`--sort must be one of ${SORT_KEYS.join(", ")}`);
}

/** `berth top`: once (piped, --once, or a machine format), or live at a terminal until q or Ctrl-C. */
export async function top(args: Args, client: Client, io: TopIo): Promise<void> {
  let sort = sortOf(args);
  const format = formatOf(args);
  const query = new URLSearchParams();
  for (const f of ["app", "team"]) {
    const v = args.flags.get(f);
    if (typeof v === "string") query.set(f, v);
  }
  const path = `/v2/usage${query.size ? `?${query}` : ""}`;
  const fetchUsage = () => client.request<UsageAnswer>("GET", path);
  const terminal = io.terminal;
  if (!terminal || args.flags.has("once") || format !== "text") {
    const answer = await fetchUsage();
    return io.out(rendered(answer, format) ?? renderTop(answer, sort));
  }
  const intervalMs = Math.max(0.2, Number(args.flags.get("interval") ?? 2)) * 1000;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let wake: () => void = () => undefined;
  let last: UsageAnswer | undefined;
  let problem = "";
  const draw = () => {
    const title = bold(`berth top  ${new Date().toISOString().slice(11, 19)}  ${client.baseUrl}`);
    const keys = "c cpu · m mem · n name · q quit";
    terminal.draw(`${title}    ${keys}\n${problem ? `${problem}\n` : ""}${last ? renderTop(last, sort) : "reading usage…"}\n`);
  };
  terminal.onStop(stop);
  terminal.onKey((key) => {
    // q, Ctrl-C or Escape alone; an arrow or other escape sequence is not a way out.
    if (key === "q" || key === "\x03" || key === "\x1b") return stop();
    const chosen = ({ c: "cpu", m: "mem", n: "name" } as Record<string, SortKey>)[key.toLowerCase()];
    if (chosen) {
      sort = chosen;
      draw();
    }
  });
  let running = true;
  void stopped.then(() => {
    running = false;
    wake();
  });
  try {
    while (running) {
      try {
        last = await fetchUsage();
        problem = "";
      } catch (err) {
        problem = `cannot read usage: ${(err as Error).message}`;
      }
      if (!running) break;
      draw();
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs);
      });
    }
  } finally {
    terminal.close();
  }
}
