import { natsCredentialsFromEnv, openBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildOfferHandler } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("offer-handler", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openBus({
    servers: config.natsUrl,
    replicas: config.jsReplicas,
    name: "berth-offer-handler",
    logger,
    ...natsCredentialsFromEnv(),
  });
  const service = buildOfferHandler({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
