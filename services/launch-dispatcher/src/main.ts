import { openServiceBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildDispatcher } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("launch-dispatcher", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openServiceBus("launch-dispatcher", config, logger);
  const service = buildDispatcher({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
