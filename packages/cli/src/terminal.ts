import type { Terminal } from "./top.js";

/**
 * The process's terminal for a live view, when both standard input and output
 * are one: drawn on the alternate screen (the shell's screen comes back on
 * exit), keys read one at a time, SIGINT and SIGTERM ending the view cleanly.
 */
export function processTerminal(): Terminal | undefined {
  const { stdin, stdout } = process;
  if (!stdin.isTTY || !stdout.isTTY) return undefined;
  let opened = false;
  const signals: (() => void)[] = [];
  return {
    draw(screen) {
      if (!opened) stdout.write("\x1b[?1049h\x1b[?25l");
      opened = true;
      // Home, the screen, then clear what the last draw left below it.
      stdout.write(`\x1b[H${screen.replaceAll("\n", "\x1b[K\n")}\x1b[J`);
    },
    onKey(listener) {
      stdin.setRawMode(true);
      stdin.setEncoding("utf8");
      stdin.on("data", (data: string) => {
        // An escape sequence (an arrow, a function key) comes whole and is one key; Escape alone is "\x1b".
        if (data.startsWith("\x1b")) return listener(data);
        for (const key of data) listener(key);
      });
      stdin.resume();
    },
    onStop(listener) {
      for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
        process.once(s, listener);
        signals.push(() => process.off(s, listener));
      }
    },
    close() {
      for (const off of signals) off();
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      if (opened) stdout.write("\x1b[?25h\x1b[?1049l");
    },
  };
}
