import { readFileSync } from "node:fs";

/** The berth command's version: its package's. */
export const CLI_VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
