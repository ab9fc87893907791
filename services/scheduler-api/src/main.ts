import { openServiceBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildSchedulerApi } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("scheduler-api", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openServiceBus("scheduler-api", config, logger);
  const service = buildSchedulerApi({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
