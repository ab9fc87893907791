import { openServiceBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildAggregator } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("status-aggregator", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openServiceBus("status-aggregator", config, logger);
  const service = buildAggregator({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
