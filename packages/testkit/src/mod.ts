export {
  agentPorts,
  type Cluster,
  type ClusterProcess,
  type NatsUsers,
  type ProcessPrincipal,
  type ServiceName,
  startCluster,
} from "./cluster.js";
export { containersWithLabel, DEMO_IMAGE, docker, dockerInspect, removeContainersWithLabel } from "./docker-cli.js";
export { freePort } from "./free-port.js";
export { httpRequest } from "./http.js";
export { type NatsCluster, type NatsServer, type NatsTls, startNatsCluster, startNatsServer } from "./nats-server.js";
export { testTls } from "./tls.js";
export { type Prometheus, startPrometheus } from "./prometheus.js";
export { type Registry, startRegistry } from "./registry.js";
export { eventually } from "./wait.js";
export { mountSmallDisk, type SmallDisk } from "./small-disk.js";
export { buildEarlierBerth, type EarlierBuild } from "./earlier-build.js";
export { readSniff, SNIFF_IMAGE, sniffCommand, sniffImage } from "./sniffer.js";
export { type CampaignOptions, type CampaignReport, runCampaign } from "./chaos/campaign.js";
export { type NatsTarget } from "./chaos/nemesis.js";
export { planCampaign } from "./chaos/plan.js";
