import { stringify } from "yaml";
import { type Args, UsageError } from "./args.js";

/** How output looks: aligned columns for a person at a terminal, tab-separated lines for a pipe; color only at a terminal. */
export interface Style {
  aligned: boolean;
  color: boolean;
}

/** A terminal gets columns, and color unless NO_COLOR is set (to anything) or the terminal is dumb. */
export function styleFor(isTTY: boolean | undefined, env: Record<string, string | undefined>): Style {
  const tty = isTTY === true;
  return { aligned: tty, color: tty && env.NO_COLOR === undefined && env.TERM !== "dumb" };
}

let style: Style = { aligned: true, color: false };

/** Set once, by main, from standard output and the environment. */
export function configureOutput(s: Style): void {
  style = s;
}

export function outputStyle(): Style {
  return style;
}

export const bold = (text: string) => (style.color ? `\x1b[1m${text}\x1b[22m` : text);

/** Rows as aligned columns under a header (at a terminal), or as tab-separated lines with the header first (piped). */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  if (!style.aligned) return cells.map((r) => r.join("\t")).join("\n");
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const lines = cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  "));
  return [bold(lines[0] ?? ""), ...lines.slice(1)].join("\n");
}

export type Format = "text" | "json" | "yaml";

/** `--output json|yaml|text`; `--json` is `--output json`. */
export function formatOf(args: Args): Format {
  const asked = args.flags.get("output") ?? (args.flags.has("json") ? "json" : "text");
  if (asked === "text" || asked === "json" || asked === "yaml") return asked;
  throw new UsageError(`--output must be json, yaml or text (got ${asked === true ? "nothing" : `'${asked}'`})`);
}

/** The API's answer in a machine format, or undefined for text (the command prints its own). */
export function rendered(data: unknown, format: Format): string | undefined {
  if (format === "json") return JSON.stringify(data, null, 2);
  if (format === "yaml") return stringify(data).trimEnd();
  return undefined;
}

/** What a command prints: the API's data in the asked format, or its own text for people. */
export function printer(args: Args, out: (text: string) => void): (data: unknown, human: () => string) => void {
  const format = formatOf(args);
  return (data, human) => out(rendered(data, format) ?? human());
}
