import type { MetricObjectWithValues, MetricValue } from "prom-client";

type Series = MetricObjectWithValues<MetricValue<string>>;

/** "name{a=\"x\"}" for a series with labels, as Dropwizard names a metric per label set. */
function seriesName(name: string, labels: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}="${String(v)}"`);
  return pairs.length > 0 ? `${name}{${pairs.join(",")}}` : name;
}

/**
 * The api's metrics in the shape Marathon's /metrics answers (Dropwizard's
 * registry as JSON: gauges, counters, histograms, meters, timers), made from
 * the same prom-client registry that /metrics/prometheus serves as text.
 */
export function dropwizardJson(metrics: readonly Series[]): Record<string, unknown> {
  const gauges: Record<string, { value: number }> = {};
  const counters: Record<string, { count: number }> = {};
  const histograms: Record<string, { count: number; sum: number }> = {};
  for (const m of metrics) {
    const type = String(m.type);
    for (const v of m.values) {
      const labels = v.labels as Record<string, unknown>;
      if (type === "counter") counters[seriesName(m.name, labels)] = { count: v.value };
      else if (type === "gauge") gauges[seriesName(m.name, labels)] = { value: v.value };
      else if (type === "histogram" || type === "summary") {
        const metricName = (v as { metricName?: string }).metricName ?? "";
        if (!metricName.endsWith("_count") && !metricName.endsWith("_sum")) continue;
        const key = seriesName(m.name, labels);
        const h = (histograms[key] ??= { count: 0, sum: 0 });
        if (metricName.endsWith("_count")) h.count = v.value;
        else h.sum = v.value;
      }
    }
  }
  return { version: "4.0.0", gauges, counters, histograms, meters: {}, timers: {} };
}
