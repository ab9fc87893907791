import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { BUCKETS, commandStreamOf, CONSUMERS, workQueueCommandStreamOf } from "./topology.js";
import { PROTOCOL_VERSION, subjects } from "./subjects.js";

/**
 * Who connects to NATS, and what each may publish and subscribe to. Each
 * control-plane service has its own user; each agent has one of its own that
 * reaches only its own subjects; the operator user is for tools and tests.
 */
export type NatsPrincipal = { kind: "service"; service: ControlPlaneService } | { kind: "agent"; agentId: string } | { kind: "operator" };

export const CONTROL_PLANE_SERVICES = [
  "api",
  "launch-dispatcher",
  "offer-handler",
  "status-aggregator",
  "scheduler-api",
  "job-scheduler",
] as const;
export type ControlPlaneService = (typeof CONTROL_PLANE_SERVICES)[number];

export interface NatsPermissions {
  publish: { allow: string[]; deny?: string[] };
  subscribe: { allow: string[] };
  allow_responses?: boolean;
}

const ROOT = `berth.${PROTOCOL_VERSION}`;

export function natsUserOf(p: NatsPrincipal): string {
  if (p.kind === "service") return `berth-${p.service}`;
  if (p.kind === "agent") return `berth-agent-${p.agentId}`;
  return "berth-operator";
}

/** Where a user's replies arrive: a connection subscribes to its own inboxes only, so none reads another's replies. */
export function inboxPrefixOf(user: string): string {
  return `_INBOX.${user}`;
}

/** Subjects every control-plane service may publish: the JetStream and KV APIs. */
const JETSTREAM = ["$JS.API.>", "$JS.ACK.>", "$JS.FC.>", "$KV.>"];

const SERVICE: Record<ControlPlaneService, { publish: string[]; subscribe: string[] }> = {
  api: {
    publish: [subjects.event(">"), `${ROOT}.rpc.agent.*.logs`, `${ROOT}.rpc.agent.*.logs.cancel.*`],
    subscribe: [`${ROOT}.logs.>`, subjects.agentUsageAll],
  },
  "launch-dispatcher": {
    publish: [subjects.agentCommandAll, subjects.placement, subjects.event(">")],
    subscribe: [],
  },
  "offer-handler": {
    // It reports TASK_UNREACHABLE and TASK_LOST for agents that went silent.
    publish: [subjects.agentStatusAll, subjects.placerAliveAll],
    subscribe: [subjects.agentRegisterAll, subjects.placement, subjects.agentHeartbeatAll, subjects.placerAliveAll],
  },
  "status-aggregator": { publish: [subjects.event(">")], subscribe: [] },
  // Frameworks' launches: booked through the offer-handler, sent to the agents; their kills.
  "scheduler-api": { publish: [subjects.agentCommandAll, subjects.placement], subscribe: [] },
  // Job runs' tasks: booked through the offer-handler, sent to the agents; their kills; the jobs' events.
  "job-scheduler": { publish: [subjects.agentCommandAll, subjects.placement, subjects.event(">")], subscribe: [] },
};

/** One agent: its own heartbeats, usage, status updates, log streams, commands and ledger, and read access to the task records. */
function agentPermissions(agentId: string, inbox: string): NatsPermissions {
  const durable = CONSUMERS.agent(agentId);
  const commands = commandStreamOf(agentId);
  const earlierCommands = workQueueCommandStreamOf(agentId);
  const tasks = `KV_${BUCKETS.tasks}`;
  const ledger = `KV_${BUCKETS.ledger}`;
  return {
    publish: {
      allow: [
        subjects.agentRegister(agentId),
        subjects.agentHeartbeat(agentId),
        subjects.agentUsage(agentId),
        subjects.agentStatus(agentId),
        subjects.logsStream(agentId, "*"),
        // No stream's state (STREAM.INFO can list every key of a bucket: secret names, token hashes, app ids).
        "$JS.API.INFO",
        ...[commands, earlierCommands].flatMap((stream) => [
          `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
          `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
          `$JS.ACK.${stream}.${durable}.>`,
        ]),
        `$JS.API.DIRECT.GET.${tasks}.>`,
        // Its own ledger entry only: a direct get names the key in the subject.
        `$JS.API.DIRECT.GET.${ledger}.$KV.${BUCKETS.ledger}.${agentId}`,
      ],
    },
    subscribe: { allow: [`${inbox}.>`, subjects.agentLogs(agentId), subjects.logsCancel(agentId, "*")] },
    // Answers to the log requests it receives.
    allow_responses: true,
  };
}

export function natsPermissionsOf(p: NatsPrincipal): NatsPermissions {
  const inbox = inboxPrefixOf(natsUserOf(p));
  if (p.kind === "operator") return { publish: { allow: [">"] }, subscribe: { allow: [">"] } };
  if (p.kind === "agent") return agentPermissions(p.agentId, inbox);
  const own = SERVICE[p.service];
  return {
    publish: { allow: [...JETSTREAM, ...own.publish] },
    subscribe: { allow: [`${inbox}.>`, ...own.subscribe] },
    allow_responses: true,
  };
}

/**
 * nats-server's configuration for these users: an `authorization` block with
 * each user's permissions and only a bcrypt hash of its password, as text for
 * a file passed with `-c`. A connection without a valid user is refused.
 */
export function natsAuthConfig(users: readonly { principal: NatsPrincipal; password: string }[]): string {
  const authorization = {
    users: users.map((u) => ({
      user: natsUserOf(u.principal),
      password: bcrypt.hashSync(u.password, BCRYPT_COST),
      permissions: natsPermissionsOf(u.principal),
    })),
  };
  return `# Made by Berth: NATS users and their permissions (docs/security.md).\nauthorization: ${JSON.stringify(authorization, null, 2)}\n`;
}

/** nats-server checks a password on each connect; cost 10 keeps that near 50 ms. */
const BCRYPT_COST = 10;

/** A new random password. */
export function newNatsPassword(): string {
  return randomBytes(24).toString("base64url");
}
