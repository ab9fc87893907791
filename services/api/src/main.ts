import { readFileSync } from "node:fs";
import { openServiceBus } from "@berth/bus";
import { runProcess } from "@berth/runtime";
import { Authenticator } from "./auth.js";
import { ClusterView } from "./cluster-view.js";
import { loadConfig } from "./config.js";
import { buildServer } from "./server.js";
import { EventCallbacks } from "./event-callbacks.js";

await runProcess("api", async ({ logger, registry }) => {
  const config = loadConfig();
  const bus = await openServiceBus("api", config, logger);
  const view = new ClusterView(bus, config.defaultQuota);
  view.onSkip((key, reason) => logger.warn({ key, reason }, "left a stored value out of the api's view"));
  await view.start();
  const auth = new Authenticator(bus, config.adminToken, config.metricsToken);
  await auth.start();
  if (!config.adminToken) logger.warn({}, "BERTH_ADMIN_TOKEN is not set: only tokens stored in berth_tokens are accepted");
  const server = await buildServer({
    bus,
    view,
    registry,
    logger,
    natsUrl: config.natsUrl,
    auth,
    bodyLimitBytes: config.bodyLimitBytes,
    eventBufferBytes: config.eventBufferBytes,
    quotaReconcileMs: config.quotaReconcileMs,
    ...(config.uiDir ? { uiDir: config.uiDir } : {}),
    ...(config.tls ? { tls: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } } : {}),
    callbacks: { allow: config.callbackAllow, timeoutMs: config.callbackTimeoutMs },
    servicePorts: config.servicePorts,
    jobsUrl: config.jobsUrl,
  });
  // Every instance follows every subscription; each event goes to one of them.
  const callbacks = new EventCallbacks(
    bus,
    view.subscriptions,
    { allow: config.callbackAllow, timeoutMs: config.callbackTimeoutMs },
    logger,
    registry,
  );
  await callbacks.start();
  await server.listen({ host: config.host, port: config.port });
  logger.info({ host: config.host, port: config.port, https: config.tls !== undefined }, "api listening");
  return async () => {
    await callbacks.stop();
    await server.close();
    view.stop();
    auth.stop();
    await bus.close();
  };
});
