// What every benchmark may use: its command-line options, and NATS (one
// server, or a three-server cluster with JetStream replicas 3), over TLS as
// Berth runs it, or in plain text with --plain.
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

/** True unless the command line says --plain: NATS (clients, and routes on a cluster) over TLS. */
export const natsTls = !process.argv.includes("--plain");

/**
 * One nats-server, or `servers` clustered on loopback; `env` is what the Berth
 * processes need to use it (replicas 3 on a cluster, the CA or plain text),
 * `tls` what a client of the benchmark's own passes.
 */
export async function startNats(servers = 1) {
  const nats = servers > 1 ? await startNatsCluster(servers, { tls: natsTls }) : await startNatsServer({ tls: natsTls });
  const tlsEnv = nats.tls ? { BERTH_NATS_CA: nats.tls.caFile } : { BERTH_NATS_TLS: "off" };
  return {
    url: servers > 1 ? nats.urls : nats.url,
    tls: nats.tls,
    env: { ...(servers > 1 ? { BERTH_JS_REPLICAS: "3" } : {}), ...tlsEnv },
    describe: `${servers > 1 ? `${servers}-server NATS cluster, replicas 3` : "one nats-server"}, ${nats.tls ? "TLS" : "plain text"}`,
    pids: () => nats.pids(),
    /** SIGKILLs one server (modulo how many) and starts it again on its store: a cluster's after 2 s. */
    async kill(pick) {
      if (servers === 1) return nats.restart("SIGKILL");
      const server = nats.servers[pick % nats.servers.length];
      await server.stop("SIGKILL");
      await new Promise((r) => setTimeout(r, 2_000));
      await server.start();
    },
    stop: () => nats.stop(),
  };
}
