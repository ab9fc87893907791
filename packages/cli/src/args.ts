/** Parsed command line: words, and --flags (with values where given as --name value or --name=value). */
export interface Args {
  words: string[];
  flags: Map<string, string | true>;
}

const VALUED = new Set(["url", "token", "tail", "type", "file"]);

export function parseArgs(argv: readonly string[]): Args {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "-f") flags.set("follow", true);
    else if (a.startsWith("--")) {
      const [name = "", value] = a.slice(2).split("=", 2);
      if (value !== undefined) flags.set(name, value);
      else if (VALUED.has(name) && i + 1 < argv.length) flags.set(name, argv[++i] ?? "");
      else flags.set(name, true);
    } else words.push(a);
  }
  return { words, flags };
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}
