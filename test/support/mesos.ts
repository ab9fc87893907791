// A Mesos scheduler HTTP API client for tests: SUBSCRIBE's RecordIO stream read record by record, and calls.
import { type ClientRequest, request } from "node:http";
import { DEMO_IMAGE, eventually } from "@berth/testkit";

export interface MesosEvent {
  type: string;
  [field: string]: unknown;
}

export interface MesosStream {
  status: number;
  streamId: string;
  /** Every event so far, in order. */
  events: MesosEvent[];
  /** The body of a refused subscription. */
  text: string;
  ended: () => boolean;
  /** The first event of a type after the `after`-th event, waited for. */
  next(type: string, after?: number, match?: (e: MesosEvent) => boolean): Promise<MesosEvent>;
  close(): void;
}

/** Reads RecordIO: "<bytes>\n<record>", records back to back. */
export function recordIoReader(onRecord: (json: string) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      const size = Number(buf.subarray(0, nl).toString());
      if (buf.length < nl + 1 + size) return;
      onRecord(buf.subarray(nl + 1, nl + 1 + size).toString("utf8"));
      buf = buf.subarray(nl + 1 + size);
    }
  };
}

export function subscribe(url: string, call: unknown, authorization?: string): Promise<MesosStream> {
  return new Promise((resolve, reject) => {
    const events: MesosEvent[] = [];
    let ended = false;
    let text = "";
    const req: ClientRequest = request(
      `${url}/api/v1/scheduler`,
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...(authorization ? { authorization } : {}) },
      },
      (res) => {
        const read = recordIoReader((json) => events.push(JSON.parse(json) as MesosEvent));
        res.on("data", (chunk: Buffer) => {
          if (res.statusCode === 200) read(chunk);
          else text += chunk.toString();
        });
        res.on("end", () => (ended = true));
        res.on("close", () => (ended = true));
        const stream: MesosStream = {
          status: res.statusCode ?? 0,
          streamId: String(res.headers["mesos-stream-id"] ?? ""),
          events,
          get text() {
            return text;
          },
          ended: () => ended,
          next: (type, after = 0, match = () => true) =>
            eventually(() => events.slice(after).find((e) => e.type === type && match(e)), { what: `a ${type} event` }),
          close: () => req.destroy(),
        };
        resolve(stream);
      },
    );
    req.on("error", (err) => (ended ? undefined : reject(err)));
    req.end(JSON.stringify(call));
  });
}

/** A call other than SUBSCRIBE: its status and body. */
export function mesosCall(
  url: string,
  call: unknown,
  opts: { streamId?: string; authorization?: string; contentType?: string; body?: string; path?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${opts.path ?? "/api/v1/scheduler"}`,
      {
        method: "POST",
        headers: {
          "content-type": opts.contentType ?? "application/json",
          ...(opts.streamId ? { "mesos-stream-id": opts.streamId } : {}),
          ...(opts.authorization ? { authorization: opts.authorization } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(opts.body ?? JSON.stringify(call));
  });
}

/** Basic credentials as a Mesos framework sends them: its principal, and a Berth token as the secret. */
export const basic = (token: string, principal = "framework") => `Basic ${Buffer.from(`${principal}:${token}`).toString("base64")}`;

/** SUBSCRIBE for a framework of `name` (again, with its `id`), with more of its FrameworkInfo. */
export const subscribeAs = (name: string, more: Record<string, unknown> = {}, id?: string) => ({
  type: "SUBSCRIBE",
  ...(id ? { framework_id: { value: id } } : {}),
  subscribe: { framework_info: { user: "root", name, ...(id ? { id: { value: id } } : {}), ...more } },
});

/** The framework id SUBSCRIBED gave on a stream ("" before it came). */
export const frameworkIdOf = (s: MesosStream) =>
  ((s.events.find((e) => e.type === "SUBSCRIBED")?.subscribed as { framework_id: { value: string } }) ?? { framework_id: { value: "" } })
    .framework_id.value;

export interface Offer {
  id: { value: string };
  agent_id: { value: string };
  resources: { name: string; scalar?: { value: number }; ranges?: { range: { begin: number; end: number }[] } }[];
}
export const offersIn = (e: MesosEvent) => (e.offers as { offers: Offer[] }).offers;

export interface Status {
  task_id: { value: string };
  state: string;
  message: string;
  reason?: string;
  uuid?: string;
  container_status?: { container_id: { value: string } };
}
export const statusIn = (e: MesosEvent) => (e.update as { status: Status }).status;
export const updateOf = (taskId: string, state: string) => (e: MesosEvent) =>
  e.type === "UPDATE" && statusIn(e).task_id.value === taskId && statusIn(e).state === state;

/** A Docker TaskInfo of the demo image sleeping, 0.05 cpus and 32 MiB, on the host's network. */
export function taskInfo(taskId: string, agentId: string, more: Record<string, unknown> = {}) {
  return {
    name: taskId,
    task_id: { value: taskId },
    agent_id: { value: agentId },
    resources: [
      { name: "cpus", type: "SCALAR", scalar: { value: 0.05 } },
      { name: "mem", type: "SCALAR", scalar: { value: 32 } },
    ],
    command: { shell: true, value: "sleep 3600" },
    container: { type: "DOCKER", docker: { image: DEMO_IMAGE, network: "HOST" } },
    kill_policy: { grace_period: { nanoseconds: 0 } },
    ...more,
  };
}

/** ACCEPT of these offers with LAUNCHes of these tasks, refusing the agent for no time after; expects 202. */
export async function acceptOffers(url: string, authorization: string, s: MesosStream, offerIds: { value: string }[], tasks: unknown[]) {
  const r = await mesosCall(
    url,
    {
      type: "ACCEPT",
      framework_id: { value: frameworkIdOf(s) },
      accept: { offer_ids: offerIds, operations: [{ type: "LAUNCH", launch: { task_infos: tasks } }], filters: { refuse_seconds: 0 } },
    },
    { streamId: s.streamId, authorization },
  );
  if (r.status !== 202) throw new Error(`ACCEPT answered ${r.status}: ${r.text}`);
}

export const cpusOf = (o: Offer) => o.resources.find((r) => r.name === "cpus")?.scalar?.value ?? 0;
export const portsOf = (o: Offer) => o.resources.find((r) => r.name === "ports")?.ranges?.range ?? [];

/** TaskInfo resources of so many cpus and 32 MiB (for taskInfo's `more`). */
export const withCpus = (cpus: number) => ({
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: cpus } },
    { name: "mem", type: "SCALAR", scalar: { value: 32 } },
  ],
});
