export { type Cluster, type ClusterProcess, type NatsUsers, type ProcessPrincipal, type ServiceName, startCluster } from "./cluster.js";
export { containersWithLabel, DEMO_IMAGE, docker, dockerInspect, removeContainersWithLabel } from "./docker-cli.js";
export { freePort } from "./free-port.js";
export { type NatsCluster, type NatsServer, startNatsCluster, startNatsServer } from "./nats-server.js";
export { type Prometheus, startPrometheus } from "./prometheus.js";
export { type Registry, startRegistry } from "./registry.js";
export { eventually } from "./wait.js";
export { readSniff, SNIFF_IMAGE, sniffCommand, sniffImage } from "./sniffer.js";
