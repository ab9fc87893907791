import { natsCredentialsFromEnv, openBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildAgent } from "./app.js";
import { loadConfig } from "./config.js";
import { DockerRuntime } from "./runtime/docker-runtime.js";

await runProcess("slave-agent", async ({ logger, registry }) => {
  const config = loadConfig();
  const log = logger.child({ agentId: config.agentId });
  const bus = await openBus({
    servers: config.natsUrl,
    name: `berth-agent-${config.agentId}`,
    logger: log,
    createTopology: false,
    // An agent may not read streams' state; its own ledger entry answers once the buckets exist.
    ready: (buckets) => buckets.ledger.get(config.agentId),
    ...natsCredentialsFromEnv(),
    ...(config.natsTls ? { tls: config.natsTls } : {}),
  });
  const agent = buildAgent({ config, bus, runtime: new DockerRuntime(config.dockerSocket), registry, logger: log });
  await agent.start();
  return async () => {
    await agent.stop();
    await bus.close();
  };
});
