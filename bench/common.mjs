// What every benchmark may use: its command-line options, and NATS (one
// server, or a three-server cluster with JetStream replicas 3).
import { startNatsCluster, startNatsServer } from "@berth/testkit";

/** Numeric command-line options `--name N`, each defaulting to the value in `defaults`. */
export function options(defaults) {
  return Object.fromEntries(
    Object.entries(defaults).map(([name, fallback]) => {
      const i = process.argv.indexOf(`--${name}`);
      return [name, i > 0 ? Number(process.argv[i + 1]) : fallback];
    }),
  );
}

/**
 * One nats-server, or `servers` clustered on loopback; `env` is what the Berth
 * processes need to use it (replicas 3 on a cluster).
 */
export async function startNats(servers = 1) {
  const nats = servers > 1 ? await startNatsCluster(servers) : await startNatsServer();
  return {
    url: servers > 1 ? nats.urls : nats.url,
    env: servers > 1 ? { BERTH_JS_REPLICAS: "3" } : {},
    describe: servers > 1 ? `${servers}-server NATS cluster, replicas 3` : "one nats-server",
    pids: () => nats.pids(),
    stop: () => nats.stop(),
  };
}
