import { natsCredentialsFromEnv, openBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildDispatcher } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("launch-dispatcher", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openBus({
    servers: config.natsUrl,
    replicas: config.jsReplicas,
    name: "berth-launch-dispatcher",
    logger,
    ...natsCredentialsFromEnv(),
  });
  const service = buildDispatcher({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
