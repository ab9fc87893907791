// Whether Berth's protocol can still talk to its last release, by the rules
// of protobuf evolution (as buf's WIRE rules): a field keeps its number, type
// and cardinality for ever (a new name is free on the binary wire); a field
// removed leaves its number reserved; a message or enum type on the wire
// stays; an enum value keeps its number. Adding fields, messages and values
// is always allowed.
//
//   node scripts/wire-compat.mjs            check proto/ against wire/last-release.json
//   node scripts/wire-compat.mjs --release  record proto/ as the last release (at a release)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import protobuf from "protobufjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const PROTO = join(HERE, "..", "proto");
const RELEASE = join(HERE, "..", "wire", "last-release.json");

/** Every message and enum of a protobufjs JSON root, by full name, with what the wire depends on. */
export function wireShape(json, prefix = "", out = {}) {
  for (const [name, node] of Object.entries(json.nested ?? {})) {
    const full = prefix ? `${prefix}.${name}` : name;
    if (node.fields) {
      out[full] = {
        kind: "message",
        fields: Object.fromEntries(
          Object.entries(node.fields).map(([f, d]) => [d.id, { name: f, type: d.type, rule: d.rule ?? "", keyType: d.keyType ?? "" }]),
        ),
        reserved: reservedNumbers(node.reserved),
      };
    } else if (node.values) {
      out[full] = {
        kind: "enum",
        values: Object.fromEntries(Object.entries(node.values).map(([v, n]) => [n, v])),
        reserved: reservedNumbers(node.reserved),
      };
    }
    wireShape(node, full, out);
  }
  return out;
}

function reservedNumbers(reserved = []) {
  const out = [];
  for (const r of reserved) if (Array.isArray(r)) for (let n = r[0]; n <= r[1]; n++) out.push(n);
  return out;
}

/** What in `next` breaks a peer built from `last`: empty when they talk. */
export function wireBreaks(last, next) {
  const breaks = [];
  for (const [type, was] of Object.entries(last)) {
    const now = next[type];
    if (!now || now.kind !== was.kind) {
      breaks.push(`${was.kind} ${type} is gone (a type on the wire stays; stop using it instead)`);
      continue;
    }
    const [items, noun] = was.kind === "message" ? ["fields", "field"] : ["values", "value"];
    for (const [n, old] of Object.entries(was[items])) {
      const cur = now[items][n];
      const label = `${type}.${was.kind === "message" ? old.name : old} = ${n}`;
      if (cur === undefined) {
        if (!now.reserved.includes(Number(n))) breaks.push(`${noun} ${label} was removed without reserving ${n}`);
        continue;
      }
      if (was.kind !== "message") continue;
      for (const what of ["type", "rule", "keyType"]) {
        if (old[what] !== cur[what]) breaks.push(`field ${label} changed its ${what} from '${old[what]}' to '${cur[what]}'`);
      }
    }
    for (const n of was.reserved) {
      if (now[items][n] !== undefined) breaks.push(`${type} uses ${n} again, reserved in the last release`);
    }
  }
  return breaks;
}

function currentShape() {
  const files = execFileSync("find", ["berth", "-name", "*.proto"], { cwd: PROTO, encoding: "utf8" }).trim().split("\n").sort();
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO, target);
  root.loadSync(files, { keepCase: true });
  return wireShape(root.toJSON());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const now = currentShape();
  if (process.argv.includes("--release")) {
    writeFileSync(RELEASE, `${JSON.stringify(now, null, 2)}\n`);
    console.log(`proto: recorded ${Object.keys(now).length} types as the last release's wire`);
  } else {
    const breaks = wireBreaks(JSON.parse(readFileSync(RELEASE, "utf8")), now);
    if (breaks.length > 0) {
      console.error("proto: these changes break the wire with the last release (packages/proto/wire/last-release.json):");
      for (const b of breaks) console.error(`  - ${b}`);
      process.exit(1);
    }
    console.log("proto: wire-compatible with the last release");
  }
}
