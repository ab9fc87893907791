import { type ContainerSpec, LABELS } from "@berth/core";
import { DEMO_IMAGE } from "@berth/testkit";

/** A container of the demo image that ends on SIGTERM, as the agent would run one for task `name` on agent `agentId`. */
export function containerSpec(agentId: string, name: string, over: Partial<ContainerSpec> = {}): ContainerSpec {
  return {
    name: `berth-${agentId}-${name}`,
    image: DEMO_IMAGE,
    entrypoint: ["/bin/sh", "-c"],
    // Ends on SIGTERM with 143, as a well-behaved service does.
    cmd: ["trap 'exit 143' TERM; while true; do sleep 0.2; done"],
    env: [],
    labels: { [LABELS.managed]: "true", [LABELS.agent]: agentId, [LABELS.task]: name },
    networkMode: "none",
    cpuShares: 2,
    memoryBytes: 32 * 1024 * 1024,
    memorySwapBytes: 32 * 1024 * 1024,
    privileged: false,
    binds: [],
    portBindings: {},
    stopTimeoutSeconds: 10,
    securityOpt: ["no-new-privileges"],
    pidsLimit: 64,
    capAdd: [],
    capDrop: ["ALL"],
    tmpfs: {},
    ulimits: [],
    extraHosts: [],
    dns: [],
    dnsSearch: [],
    ...over,
  };
}
