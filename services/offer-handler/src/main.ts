import { openServiceBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildOfferHandler } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("offer-handler", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openServiceBus("offer-handler", config, logger);
  const service = buildOfferHandler({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
