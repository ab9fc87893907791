import { openServiceBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { buildJobScheduler } from "./app.js";
import { loadConfig } from "./config.js";

await runProcess("job-scheduler", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openServiceBus("job-scheduler", config, logger);
  const service = buildJobScheduler({ config, bus, registry, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
