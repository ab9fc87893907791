/** Resources in Mesos units: cpus, mem and disk in MiB, ports as inclusive ranges. */
export interface PortRange {
  begin: number;
  end: number;
}

export interface Resources {
  cpus: number;
  mem: number;
  disk: number;
  ports: PortRange[];
}

export const DEFAULT_PORT_RANGES: readonly PortRange[] = [{ begin: 31000, end: 32000 }];

/** Rounds away binary float noise (0.1 + 0.2) so comparisons of cpus and mem are exact. */
export function roundResource(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function countPorts(ranges: readonly PortRange[]): number {
  return ranges.reduce((n, r) => n + (r.end - r.begin + 1), 0);
}

export function rangesContain(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => port >= r.begin && port <= r.end);
}

/** The ranges left once `ports` are taken out of them; the input is not changed. */
export function subtractPorts(ranges: readonly PortRange[], ports: Iterable<number>): PortRange[] {
  const taken = [...new Set(ports)].sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (const r of ranges) {
    let begin = r.begin;
    for (const p of taken) {
      if (p < begin || p > r.end) continue;
      if (p > begin) out.push({ begin, end: p - 1 });
      begin = p + 1;
    }
    if (begin <= r.end) out.push({ begin, end: r.end });
  }
  return out;
}

/** The lowest `count` free ports, or undefined when there are not enough. */
export function takePorts(ranges: readonly PortRange[], count: number): number[] | undefined {
  const out: number[] = [];
  for (const r of ranges) {
    for (let p = r.begin; p <= r.end && out.length < count; p++) out.push(p);
    if (out.length === count) return out;
  }
  return count === 0 ? [] : undefined;
}

/** Parses "31000-32000,8080" into ranges; returns undefined when the text is not a list of ports. */
export function parsePortRanges(text: string): PortRange[] | undefined {
  const out: PortRange[] = [];
  for (const part of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return undefined;
    const begin = Number(m[1]);
    const end = Number(m[2] ?? m[1]);
    if (begin < 1 || end > 65535 || end < begin) return undefined;
    out.push({ begin, end });
  }
  return out;
}
