import { openBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { ClusterView } from "./cluster-view.js";
import { loadConfig } from "./config.js";
import { buildServer } from "./server.js";

await runProcess("api", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openBus({ servers: config.natsUrl, replicas: config.jsReplicas, name: "berth-api", logger });
  const view = new ClusterView(bus);
  await view.start();
  const server = await buildServer({
    bus,
    view,
    registry,
    logger,
    natsUrl: config.natsUrl,
    bodyLimitBytes: config.bodyLimitBytes,
    eventBufferBytes: config.eventBufferBytes,
  });
  await server.listen({ host: config.host, port: config.port });
  logger.info({ host: config.host, port: config.port }, "api listening");
  return async () => {
    await server.close();
    view.stop();
    await bus.close();
  };
});
