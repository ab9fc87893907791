export { envNumber, envString, metricsToken, type NatsConfig, natsConfig, type ServiceConfig, serviceConfig } from "./env.js";
export { preciseNowMs, STATUS_LATENCY_BUCKETS } from "./latency-buckets.js";
export { carriesBearer, type Route, serveHttp, serveServiceHttp } from "./http-endpoint.js";
export { createLogger, type Logger } from "./logger.js";
export { every } from "./every.js";
export { runProcess } from "./process.js";
export { serviceArgs } from "./service-args.js";
export { stopOnSignals } from "./signals.js";
export { ensureLocalCa, natsTlsBlock, natsTlsConfig, type TlsFiles } from "./tls-files.js";
