import type { AppDefinition, FetchUri, Network, PortDefinition, PortMapping } from "./app-definition.js";
import { LIMITS } from "./app-limits.js";
import { type Checker, opt, stringList } from "./checker.js";
import { isCleanAbsolutePath } from "./paths.js";

/** The parts of an app definition that say how its tasks are reached and what they fetch: ports, networks, fetch. */

/** Marathon's fetch, or 0.x's uris (each extracted, as Marathon did); only http and https. */
export function readFetch(c: Checker, input: Record<string, unknown>): FetchUri[] {
  const fetch = opt(input.fetch, (v) => c.array("/fetch", v, 100));
  const uris = opt(input.uris, (v) => stringList(c, "/uris", v, 100, LIMITS.maxCmdLength));
  if (fetch && fetch.length > 0 && uris && uris.length > 0) c.fail("/uris", "give either 'fetch' or 'uris', not both");
  const entries: { path: string; raw: Record<string, unknown> }[] = [
    ...(fetch ?? []).flatMap((item, i) => {
      const obj = c.object(`/fetch/${i}`, item);
      return obj ? [{ path: `/fetch/${i}`, raw: obj }] : [];
    }),
    ...(uris ?? []).map((uri, i) => ({ path: `/uris/${i}`, raw: { uri } as Record<string, unknown> })),
  ];
  return entries.flatMap(({ path, raw }) => {
    const fromUris = path.startsWith("/uris");
    for (const key of Object.keys(raw)) {
      if (!["uri", "extract", "executable", "cache", "destPath"].includes(key)) c.fail(`${path}/${key}`, "is not a field of a fetch entry");
    }
    const uriPath = fromUris ? path : `${path}/uri`;
    const uri = c.string(uriPath, raw.uri, { nonEmpty: true, maxLength: 4096 });
    if (uri !== undefined && !/^https?:\/\/[^/?#]+/.test(uri)) c.fail(uriPath, "the agent fetches http:// and https:// URIs only");
    const entry: FetchUri = {
      uri: uri ?? "",
      extract: opt(raw.extract, (v) => c.boolean(`${path}/extract`, v)) ?? true,
      executable: opt(raw.executable, (v) => c.boolean(`${path}/executable`, v)) ?? false,
      cache: opt(raw.cache, (v) => c.boolean(`${path}/cache`, v)) ?? false,
    };
    const dest = opt(raw.destPath, (v) => c.string(`${path}/destPath`, v, { nonEmpty: true, maxLength: 1024 }));
    if (dest !== undefined) {
      if (!isCleanAbsolutePath(`/${dest}`) || dest.startsWith("/"))
        c.fail(`${path}/destPath`, "must be a path inside the sandbox: relative, without '.' or '..'");
      else entry.destPath = dest;
    }
    return [entry];
  });
}

/**
 * On the host's network a task's ports are its portDefinitions; on any other,
 * the container's portMappings (Docker's bridge binds each to a host port: 0,
 * or none given, means one the agent picks).
 */
export function portsForNetwork(c: Checker, app: AppDefinition, input: Record<string, unknown>): void {
  const mappings = app.container?.portMappings;
  const mode = app.networks[0]?.mode ?? "host";
  if (mode === "host") {
    if (mappings && mappings.length > 0) c.fail("/container/portMappings", "the host's network has no port mappings: use portDefinitions");
    return;
  }
  if (input.portDefinitions != null && Array.isArray(input.portDefinitions) && input.portDefinitions.length > 0) {
    c.fail("/portDefinitions", `${mode} networking maps ports with container.portMappings, not portDefinitions`);
  }
  if (!mappings) return;
  if (mode === "container/bridge") for (const m of mappings) m.hostPort ??= 0;
  const hostPorts = mappings.filter((m) => m.hostPort !== undefined).map((m) => m.hostPort);
  if (hostPorts.some((p) => p === 0) && hostPorts.some((p) => p !== 0)) {
    c.fail("/container/portMappings", "give every hostPort as 0 (the agent picks) or every one fixed, not a mix");
  }
  if (app.networks[0]?.name === "none" && hostPorts.length > 0) {
    c.fail("/container/portMappings", "the network 'none' has no ports to bind: leave hostPort out");
  }
}

/**
 * Marathon's legacy container.docker.network as the networks it stands for:
 * HOST the host's, BRIDGE Docker's bridge, NONE Docker's network "none" (no
 * network but loopback); USER needs a network's name, which only `networks`
 * can give.
 */
export function legacyNetwork(c: Checker, container: unknown): Network[] | undefined {
  const docker = (container as { docker?: { network?: unknown } } | null | undefined)?.docker;
  const v = docker?.network;
  if (v === undefined || v === null) return undefined;
  const path = "/container/docker/network";
  if (v === "HOST") return [{ mode: "host" }];
  if (v === "BRIDGE") return [{ mode: "container/bridge" }];
  if (v === "NONE") return [{ mode: "container", name: "none" }];
  if (v === "USER") c.fail(path, 'USER needs a network name: give networks: [{"mode": "container", "name": "<network>"}]');
  else c.fail(path, "must be one of HOST, BRIDGE, USER, NONE");
  return undefined;
}

function readPort(c: Checker, path: string, value: unknown, allowZero = true): number | undefined {
  return c.number(path, value, { min: allowZero ? 0 : 1, max: 65535, integer: true });
}

export function readPortMappings(c: Checker, value: unknown): PortMapping[] | undefined {
  const list = c.array("/container/portMappings", value, LIMITS.maxPorts);
  return list?.flatMap((item, i) => {
    const path = `/container/portMappings/${i}`;
    const obj = c.object(path, item);
    if (!obj) return [];
    const containerPort = readPort(c, `${path}/containerPort`, obj.containerPort ?? 0);
    const m: PortMapping = {
      containerPort: containerPort ?? 0,
      protocol: opt(obj.protocol, (v) => c.enumOf(`${path}/protocol`, v, ["tcp", "udp", "udp,tcp", "tcp,udp"])) ?? "tcp",
    };
    const hostPort = opt(obj.hostPort, (v) => readPort(c, `${path}/hostPort`, v));
    if (hostPort !== undefined) m.hostPort = hostPort;
    const servicePort = opt(obj.servicePort, (v) => readPort(c, `${path}/servicePort`, v));
    if (servicePort !== undefined) m.servicePort = servicePort;
    const name = opt(obj.name, (v) => c.string(`${path}/name`, v, { maxLength: 63 }));
    if (name !== undefined) m.name = name;
    const labels = opt(obj.labels, (v) => c.stringMap(`${path}/labels`, v, { maxEntries: 100 }));
    if (labels) m.labels = labels;
    return [m];
  });
}

export function readPortDefinitions(c: Checker, input: Record<string, unknown>): PortDefinition[] | undefined {
  if (input.portDefinitions !== undefined && input.portDefinitions !== null && input.ports !== undefined && input.ports !== null) {
    c.fail("/ports", "give either 'ports' or 'portDefinitions', not both");
  }
  if (input.ports !== undefined && input.ports !== null) {
    const list = c.array("/ports", input.ports, LIMITS.maxPorts);
    return list?.flatMap((p, i) => {
      const port = readPort(c, `/ports/${i}`, p);
      return port === undefined ? [] : [{ port, protocol: "tcp" }];
    });
  }
  if (input.portDefinitions === undefined || input.portDefinitions === null) return undefined;
  const list = c.array("/portDefinitions", input.portDefinitions, LIMITS.maxPorts);
  const names = new Set<string>();
  return list?.flatMap((item, i) => {
    const path = `/portDefinitions/${i}`;
    const obj = c.object(path, item);
    if (!obj) return [];
    const port = readPort(c, `${path}/port`, obj.port ?? 0);
    const def: PortDefinition = {
      port: port ?? 0,
      protocol: opt(obj.protocol, (v) => c.enumOf(`${path}/protocol`, v, ["tcp", "udp", "udp,tcp", "tcp,udp"])) ?? "tcp",
    };
    const name = opt(obj.name, (v) => c.string(`${path}/name`, v, { maxLength: 63 }));
    if (name !== undefined) {
      if (!/^[a-z0-9-]+$/.test(name)) c.fail(`${path}/name`, "must be lower-case letters, digits and '-'");
      if (names.has(name)) c.fail(`${path}/name`, `port name '${name}' is used twice`);
      names.add(name);
      def.name = name;
    }
    const labels = opt(obj.labels, (v) => c.stringMap(`${path}/labels`, v, { maxEntries: 100 }));
    if (labels) def.labels = labels;
    return [def];
  });
}

export function readNetworks(c: Checker, value: unknown): Network[] | undefined {
  const list = c.array("/networks", value, 10);
  if (list && list.length > 1) c.fail("/networks", "a task joins one network here: give one");
  return list?.flatMap((item, i) => {
    const obj = c.object(`/networks/${i}`, item);
    if (!obj) return [];
    for (const key of Object.keys(obj)) {
      if (key !== "mode" && key !== "name" && key !== "labels") c.fail(`/networks/${i}/${key}`, "is not a field of a network");
    }
    if (obj.labels != null) c.stringMap(`/networks/${i}/labels`, obj.labels, { maxEntries: 100 });
    const mode = c.enumOf<Network["mode"]>(`/networks/${i}/mode`, obj.mode ?? "host", ["host", "container/bridge", "container"]);
    if (!mode) return [];
    const name = opt(obj.name, (v) => c.string(`/networks/${i}/name`, v, { maxLength: 63, nonEmpty: true }));
    if (name !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) c.fail(`/networks/${i}/name`, "must be a Docker network's name");
    if (mode === "container" && name === undefined) c.fail(`/networks/${i}/name`, "container mode needs the name of the network to join");
    if (mode !== "container" && name !== undefined) c.fail(`/networks/${i}/name`, `${mode} mode takes no name`);
    return [name === undefined ? { mode } : { mode, name }];
  });
}
