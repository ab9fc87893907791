#!/usr/bin/env node
// Fails when the TypeScript sources import in a circle: between files of one package
// (relative imports), or between packages (@berth/<name> imports). Prints each cycle found.
// Type-only imports (`import type`, `export type`) are erased at build time and are left out,
// as eslint-plugin-import's no-cycle leaves them out.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const units = ["packages", "services"].flatMap((d) => readdirSync(join(root, d)).map((n) => join(root, d, n)));

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist" || name === "gen") continue;
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g;
function importsOf(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]).filter(Boolean);
}

/** Every cycle of a graph (node → neighbours), each once, found by depth-first search. */
function cycles(graph) {
  const found = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const fileGraph = new Map();
const packageGraph = new Map();
for (const unit of units) {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(unit, "package.json"), "utf8")).name;
  } catch {
    continue;
  }
  const deps = new Set();
  for (const file of sources(unit)) {
    const edges = [];
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) edges.push(resolve(dirname(file), spec).replace(/\.js$/, ".ts"));
      else if (spec.startsWith("@berth/") && !/\.test\.ts$/.test(file)) deps.add(spec.split("/").slice(0, 2).join("/"));
    }
    fileGraph.set(file, edges);
  }
  deps.delete(pkg);
  packageGraph.set(pkg, [...deps]);
}

const all = [...cycles(fileGraph).map((c) => c.map((f) => relative(root, f))), ...cycles(packageGraph)];
for (const c of all) console.error(`import cycle: ${c.join(" -> ")}`);
if (all.length > 0) process.exit(1);
console.log(`no import cycles (${fileGraph.size} files, ${packageGraph.size} packages)`);
