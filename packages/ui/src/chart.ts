import { h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface Series {
  /** What is drawn, e.g. "CPU of task x". */
  label: string;
  points: { atMs: number; value: number }[];
  /** What the task was given (its cpus, its memory limit): drawn as a dashed line. */
  limit: number | null;
  format: (v: number) => string;
  windowMs: number;
  nowMs: number;
}

const W = 240;
const H = 56;

/**
 * A small line chart over the window that ends now (or the part of it with history), with the limit dashed. It is
 * an image with a text alternative (its label, now, peak and limit), reachable by
 * keyboard, and the same words are shown under it, so nothing is said only by a line.
 */
export function chart(s: Series): HTMLElement {
  const now = s.points.at(-1)?.value;
  const peak = s.points.reduce((a, p) => Math.max(a, p.value), 0);
  const top = Math.max(peak, s.limit ?? 0) * 1.1 || 1;
  // The window, or as much of it as there is history for (at least a minute), so a new task's line is not a dot at the edge.
  const first = s.points[0]?.atMs ?? s.nowMs;
  const from = Math.min(s.nowMs - 60_000, Math.max(s.nowMs - s.windowMs, first));
  const x = (t: number) => ((t - from) / (s.nowMs - from)) * W;
  const y = (v: number) => H - (v / top) * H;
  const summary = `${s.label}: ${now === undefined ? "no reading yet" : `now ${s.format(now)}`}, peak ${s.format(peak)}${
    s.limit ? `, of ${s.format(s.limit)} given` : ""
  }`;
  const image = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": summary, class: "chart" });
  if (s.limit) {
    image.appendChild(svg("line", { x1: 0, x2: W, y1: y(s.limit), y2: y(s.limit), class: "limit" }));
  }
  if (s.points.length > 0) {
    const line = s.points.map((p) => `${x(p.atMs).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
    image.appendChild(svg("polyline", { points: line, class: "line" }));
  }
  const figure = h("figure", { class: "chart", tabindex: 0, "aria-label": summary });
  figure.appendChild(image);
  figure.appendChild(h("figcaption", {}, summary));
  return figure;
}
