import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Cluster,
  DEMO_IMAGE,
  eventually,
  type NatsServer,
  type Prometheus,
  removeContainersWithLabel,
  startCluster,
  startNatsServer,
  startPrometheus,
} from "@berth/testkit";
import { Api } from "../support/api.js";

let nats: NatsServer;
let cluster: Cluster;
let api: Api;
let prometheus: Prometheus;

beforeAll(async () => {
  nats = await startNatsServer();
  cluster = await startCluster({ natsUrl: nats.url, natsTls: nats.tls, name: "e2e-prometheus" });
  api = new Api(cluster.apiUrl, cluster.adminToken);
  prometheus = await startPrometheus(`
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: berth-agents
    authorization:
      type: Bearer
      credentials: ${cluster.metricsToken}
    http_sd_configs:
      - url: ${cluster.apiUrl}/v2/discovery/prometheus?kind=agents
        refresh_interval: 1s
        authorization:
          type: Bearer
          credentials: ${cluster.adminToken}
  - job_name: berth-api
    metrics_path: /metrics/prometheus
    authorization:
      type: Bearer
      credentials: ${cluster.metricsToken}
    static_configs:
      - targets: ["${new URL(cluster.apiUrl).host}"]
  - job_name: berth-tasks
    http_sd_configs:
      - url: ${cluster.apiUrl}/v2/discovery/prometheus?kind=tasks
        refresh_interval: 1s
        authorization:
          type: Bearer
          credentials: ${cluster.adminToken}
`);
});

afterAll(async () => {
  await prometheus?.stop();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await nats?.stop();
});

describe("Prometheus, through Berth's discovery", () => {
  it("scrapes the app's per-container series and discovers its tasks", async () => {
    await api.call("POST", "/v2/apps", {
      id: "/team-a/web",
      cmd: "httpd -f -p $PORT0 -h /www",
      cpus: 0.1,
      mem: 32,
      instances: 2,
      portDefinitions: [{ port: 0, name: "http" }],
      container: { docker: { image: DEMO_IMAGE } },
    });
    const tasks = await eventually(
      async () => {
        const running = await api.running("/team-a/web");
        return running.length === 2 && running;
      },
      { what: "2 running" },
    );

    type Sample = { metric: Record<string, string>; value: [number, string] };
    const series = await eventually(
      async () => {
        const r = await prometheus.query<Sample>('container_memory_usage_bytes{app_id="/team-a/web"}');
        return r.length === 2 && r;
      },
      { what: "series in Prometheus", timeoutMs: 60_000 },
    );
    expect(series.map((s) => s.metric.task_id).sort()).toEqual(tasks.map((t) => t.id).sort());
    for (const s of series) {
      expect(s.metric).toMatchObject({ job: "berth-agents", team: "team-a", agent_id: cluster.agentId, image: DEMO_IMAGE });
      expect(Number(s.value[1])).toBeGreaterThan(0);
    }
    const limits = await prometheus.query<Sample>('container_spec_memory_limit_bytes{app_id="/team-a/web"}');
    expect(limits.map((s) => Number(s.value[1]))).toEqual([32 * 1024 * 1024, 32 * 1024 * 1024]);

    const targets = await eventually(
      async () => {
        const t = (await prometheus.targets()).filter((x) => x.labels.berth_app_id === "/team-a/web");
        return t.length === 2 && t;
      },
      { what: "task targets" },
    );
    expect(targets.map((t) => t.scrapeUrl).sort()).toEqual(tasks.map((t) => `http://127.0.0.1:${t.ports[0]}/metrics`).sort());
    for (const t of targets)
      expect(t.labels).toMatchObject({
        job: "berth-tasks",
        berth_team: "team-a",
        berth_port_name: "http",
        berth_kind: "task",
        berth_framework: "marathon",
      });
  });

  it("scrapes the api's own series with the metrics token, as deploy/prometheus/prometheus.yml does", async () => {
    type Sample = { metric: Record<string, string>; value: [number, string] };
    const up = await eventually(
      async () => {
        const r = await prometheus.query<Sample>('up{job="berth-api"}');
        return r.length === 1 && r[0]!.value[1] === "1" && r;
      },
      { what: "the api scraped (up == 1)", timeoutMs: 30_000 },
    );
    expect(up[0]!.metric.instance).toBe(new URL(cluster.apiUrl).host);
    const requests = await prometheus.query<Sample>('berth_api_requests_total{job="berth-api"}');
    expect(requests.length).toBeGreaterThan(0);
  });
});
