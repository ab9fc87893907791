import { join } from "node:path";
import { natsCredentialsFromEnv, openBus } from "@berth/bus";
import { envNumber, envString, runProcess } from "@berth/runtime";
import { Registry } from "prom-client";
import { buildAgent } from "../app.js";
import { loadConfig } from "../config.js";
import { SimRuntime } from "./sim-runtime.js";

/**
 * Many simulated agents in one process, for scale benchmarks only: each is the
 * real agent (registration, heartbeats, its own command consumer, status
 * updates with their checkpoint) on a runtime that runs nothing. They share
 * one NATS connection.
 * BERTH_SIM_AGENTS agents are named <BERTH_SIM_PREFIX>-<n>, each its own host.
 * BERTH_SIM_FLAP_AFTER=n makes commands in containers succeed n times, then
 * fail every other time, so COMMAND health checks produce a steady stream of
 * status updates. BERTH_SIM_EXEC_MAX_MS=t makes each such command take a
 * random time up to t ms, so those updates come at independent moments.
 */
await runProcess("sim-agents", async ({ logger }) => {
  const count = envNumber(process.env, "BERTH_SIM_AGENTS", 100);
  const prefix = envString(process.env, "BERTH_SIM_PREFIX", "sim");
  const flapAfter = envNumber(process.env, "BERTH_SIM_FLAP_AFTER", -1);
  const execMaxMs = envNumber(process.env, "BERTH_SIM_EXEC_MAX_MS", 0);
  const base = loadConfig({ ...process.env, BERTH_AGENT_ID: `${prefix}-0` });
  const bus = await openBus({
    servers: base.natsUrl,
    name: `berth-sim-${prefix}`,
    logger,
    createTopology: false,
    ready: (buckets) => buckets.ledger.get(base.agentId),
    ...natsCredentialsFromEnv(),
    ...(base.natsTls ? { tls: base.natsTls } : {}),
  });
  const agents = Array.from({ length: count }, (_, i) => {
    const agentId = `${prefix}-${i}`;
    const config = { ...base, agentId, hostname: agentId, httpPort: 0, workDir: join(base.workDir, agentId) };
    return buildAgent({
      config,
      bus,
      runtime: new SimRuntime({ ...(flapAfter >= 0 ? { flapAfter } : {}), execMaxMs }),
      registry: new Registry(),
      logger: logger.child({ agentId }),
    });
  });
  for (let i = 0; i < agents.length; i += 50) await Promise.all(agents.slice(i, i + 50).map((a) => a.start()));
  logger.info({ count, prefix }, "simulated agents started");
  return async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await bus.close();
  };
});
