import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { parseArgs } from "./args.js";
import { bashCompletion, COMMANDS, zshCompletion } from "./completion.js";
import { configureOutput, formatOf, rendered, styleFor, table } from "./output.js";
import { renderTop, type UsageAnswer } from "./top.js";

afterEach(() => configureOutput({ aligned: true, color: false }));

describe("output style", () => {
  it("is columns with color at a terminal, and plain when piped or NO_COLOR is set", () => {
    expect(styleFor(true, {})).toEqual({ aligned: true, color: true });
    expect(styleFor(true, { NO_COLOR: "" })).toEqual({ aligned: true, color: false });
    expect(styleFor(true, { TERM: "dumb" })).toEqual({ aligned: true, color: false });
    expect(styleFor(false, {})).toEqual({ aligned: false, color: false });
    expect(styleFor(undefined, {})).toEqual({ aligned: false, color: false });
  });

  it("prints a table as tab-separated lines when piped, and bolds its header only with color", () => {
    configureOutput({ aligned: false, color: false });
    expect(table(["A", "BB"], [["xyz", 1]])).toBe("A\tBB\nxyz\t1");
    configureOutput({ aligned: true, color: true });
    expect(table(["A", "BB"], [["xyz", 1]])).toBe("\x1b[1mA    BB\x1b[22m\nxyz  1");
  });

  it("reads --output and --json, and refuses a format it does not know", () => {
    expect(formatOf(parseArgs(["app", "list"]))).toBe("text");
    expect(formatOf(parseArgs(["app", "list", "--json"]))).toBe("json");
    expect(formatOf(parseArgs(["app", "list", "-o", "yaml"]))).toBe("yaml");
    expect(formatOf(parseArgs(["app", "list", "--output=json"]))).toBe("json");
    expect(() => formatOf(parseArgs(["app", "list", "--output", "xml"]))).toThrow("--output must be json, yaml or text (got 'xml')");
    expect(rendered({ apps: [{ id: "/a" }] }, "yaml")).toBe("apps:\n  - id: /a");
    expect(rendered({ a: 1 }, "text")).toBeUndefined();
  });
});

describe("shell completion", () => {
  /** What bash completes for the words typed so far, with the script sourced into a real bash. */
  const complete = (...words: string[]) =>
    execFileSync(
      "bash",
      [
        "-c",
        `${bashCompletion()}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _berth; echo "\${COMPREPLY[*]}"`,
      ],
      { encoding: "utf8" },
    ).trim();

  it("completes groups, their verbs and flags in bash", () => {
    expect(complete("berth", "")).toBe(Object.keys(COMMANDS).join(" "));
    expect(complete("berth", "de")).toBe("deployment");
    expect(complete("berth", "app", "s")).toBe("show scale");
    expect(complete("berth", "top", "--sc")).toBe("--scale --scope");
    expect(complete("berth", "top", "x")).toBe("");
  });

  it("gives zsh a script it can read", () => {
    let zsh = true;
    try {
      execFileSync("zsh", ["-c", "true"]);
    } catch {
      zsh = false;
    }
    const script = zshCompletion();
    expect(script.startsWith("#compdef berth\n")).toBe(true);
    if (zsh) execFileSync("zsh", ["-n", "-c", script]);
  });
});

describe("berth top's table", () => {
  const task = (taskId: string, appId: string, cpus: number, memBytes: number) => ({
    taskId,
    appId,
    agentId: "agent-1",
    state: "TASK_RUNNING",
    cpus: 0.5,
    mem: 64,
    memLimitBytes: 64 * 1024 * 1024,
    current: { timestamp: "2026-12-05T00:00:00.000Z", cpus, throttled: 0.25, memBytes },
    peak: { cpus: 0.5, memBytes },
  });
  const answer: UsageAnswer = {
    timestamp: "2026-12-05T00:00:00.000Z",
    tasks: [
      task("a.1", "/a", 0.1, 48 * 1024 * 1024),
      task("b.1", "/b", 0.4, 16 * 1024 * 1024),
      { ...task("c.1", "/c", 0, 0), current: null },
    ],
  };

  it("lists the tasks now running by CPU, memory or name, against what each was given", () => {
    configureOutput({ aligned: false, color: false });
    const rows = (sort: "cpu" | "mem" | "name") =>
      renderTop(answer, sort)
        .split("\n")
        .slice(2)
        .map((l) => l.split("\t").slice(0, 7).join(" "));
    expect(rows("cpu")).toEqual(["/b b.1 0.40 80% 16.0MiB 25% 25%", "/a a.1 0.10 20% 48.0MiB 75% 25%"]);
    expect(rows("mem")[0]).toMatch(/^\/a /);
    expect(rows("name").map((r) => r.split(" ")[0])).toEqual(["/a", "/b"]);
    expect(renderTop(answer, "cpu").split("\n")[0]).toBe("2 apps, 2 tasks: 0.50 cpus, 64.0MiB in use (sorted by cpu)");
  });
});
