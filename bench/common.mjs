// What every benchmark may use: its command-line options, and NATS (one
// server, or a three-server cluster with JetStream replicas 3), over TLS as
// Berth runs it, or in plain text with --plain.
import { connectBus, jetstreamOf } from "@berth/bus";
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
 * `stop`, run once: by the benchmark's own `finally`, or on Ctrl-C or SIGTERM,
 * after which the benchmark exits (130, 143) rather than leave its processes,
 * containers and mounts behind.
 */
export function stopOnInterrupt(stop) {
  let stopping;
  const once = () => (stopping ??= stop());
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ]) {
    process.once(signal, () => {
      console.log(`${signal}: stopping what the benchmark started`);
      once().finally(() => process.exit(code));
    });
  }
  return once;
}

/** True unless the command line says --plain: NATS (clients, and routes on a cluster) over TLS. */
export const natsTls = !process.argv.includes("--plain");

/**
 * One nats-server, or `servers` clustered on loopback; `env` is what the Berth
 * processes need to use it (replicas 3 on a cluster, the CA or plain text),
 * `tls` what a client of the benchmark's own passes. `maxStoreBytes`: JetStream's
 * room on each server (`fillStore` fills it).
 */
export async function startNats(servers = 1, maxStoreBytes = undefined) {
  const opts = { tls: natsTls, ...(maxStoreBytes ? { maxStoreBytes } : {}) };
  const nats = servers > 1 ? await startNatsCluster(servers, opts) : await startNatsServer(opts);
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
    fillStore: () => fillStore(servers > 1 ? nats.urls : nats.url, nats.tls, servers > 1 ? 3 : 1),
    stop: () => nats.stop(),
  };
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** Fills JetStream's store with a stream of its own until a write is refused for want of room; answers what deletes it. */
async function fillStore(servers, tls, replicas) {
  const nc = await connectBus({ servers, tls, name: "bench-ballast", logger: quiet });
  const js = jetstreamOf(nc);
  const jsm = await js.jetstreamManager();
  await jsm.streams.add({ name: "BALLAST", subjects: ["ballast"], num_replicas: replicas });
  const block = new Uint8Array(512 * 1024);
  // Deleted even if NATS is away when the time comes (a server killed, paused): tried for a minute.
  const remove = async () => {
    for (let i = 0; i < 60; i++) {
      const gone = await jsm.streams.delete("BALLAST").then(
        () => true,
        (err) => /not found/.test(String(err)),
      );
      if (gone) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await nc.close();
  };
  try {
    for (let i = 0; i < 100_000; i++) {
      const refused = await js.publish("ballast", block).then(
        () => false,
        (err) => {
          if (/insufficient resources/.test(String(err))) return true;
          throw err;
        },
      );
      if (refused) break;
    }
  } catch (err) {
    // A server killed meanwhile, say: no ballast left behind.
    await remove();
    throw err;
  }
  return remove;
}
