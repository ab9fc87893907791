/** Parsed command line: words, and --flags (with values where given as --name value or --name=value). */
export interface Args {
  words: string[];
  flags: Map<string, string | true>;
}

const VALUED = new Set(["url", "token", "tail", "type", "file", "scope", "team", "name", "output", "app", "sort", "interval"]);
/** Flags that may be given more than once: their values are joined with commas. */
const REPEATED = new Set(["scope"]);

export function parseArgs(argv: readonly string[]): Args {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "-f") flags.set("follow", true);
    else if (a === "-h") flags.set("help", true);
    else if (a === "-o" && i + 1 < argv.length) flags.set("output", argv[++i] ?? "");
    else if (a.startsWith("--")) {
      const [name = "", inline] = a.slice(2).split(/=(.*)/s, 2);
      const value = inline ?? (VALUED.has(name) && i + 1 < argv.length ? (argv[++i] ?? "") : undefined);
      const before = flags.get(name);
      if (value === undefined) flags.set(name, true);
      else flags.set(name, REPEATED.has(name) && typeof before === "string" ? `${before},${value}` : value);
    } else words.push(a);
  }
  return { words, flags };
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}
