import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { type Framework, recordIo, type Resources, stateToldTo } from "@berth/core";

/** An offer made and not yet used: of which agent, what it offered, and when. */
export interface OutstandingOffer {
  agentId: string;
  /** This framework's part of what was free on the agent. */
  free: Resources;
  /** All that was free on the agent when it was split, and among which frameworks (their ids, sorted): the split stands while both do. */
  agentFree: Resources;
  among: string;
  madeAtMs: number;
}

/**
 * One subscribed framework: its open event stream (RecordIO over a chunked
 * response, one record a chunk), its heartbeat, and its offers. A framework
 * has at most one session; a new subscription with its id takes over.
 */
export class Session {
  readonly streamId = randomUUID();
  /** SUPPRESS: no offers until REVIVE. */
  suppressed = false;
  /** Agents the framework declined, until when (DECLINE's or ACCEPT's refuse_seconds). */
  readonly refusedUntil = new Map<string, number>();
  /** Offers made and not yet used, by offer id. */
  readonly offers = new Map<string, OutstandingOffer>();
  /** Agents on which an ACCEPT of this framework is being carried out: not offered to it again until its bookings are seen. */
  readonly accepting = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(
    readonly framework: Framework,
    private readonly res: ServerResponse,
    heartbeatSeconds: number,
    onClose: (s: Session) => void,
  ) {
    res.writeHead(200, { "Content-Type": "application/json", "Mesos-Stream-Id": this.streamId, "Cache-Control": "no-cache" });
    this.heartbeat = setInterval(() => this.send({ type: "HEARTBEAT" }), heartbeatSeconds * 1000);
    res.on("close", () => {
      clearInterval(this.heartbeat);
      if (!this.closed) {
        this.closed = true;
        onClose(this);
      }
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(event: { type: string } & Record<string, unknown>): void {
    if (!this.closed && !this.res.writableEnded) this.res.write(recordIo(event));
  }

  /**
   * An UPDATE of a task's status, in the states this framework knows (core `stateToldTo`): one that
   * did not declare PARTITION_AWARE hears TASK_LOST for TASK_UNREACHABLE, TASK_DROPPED and
   * TASK_UNKNOWN, and one without TASK_KILLING_STATE is not told TASK_KILLING (reconciliation says
   * TASK_RUNNING). Whether it was told.
   */
  sendUpdate(status: Record<string, unknown>): boolean {
    const reconciling = status.reason === "REASON_RECONCILIATION";
    const state = stateToldTo(String(status.state), this.framework.capabilities ?? [], reconciling);
    if (state === undefined) return false;
    this.send({ type: "UPDATE", update: { status: { ...status, state } } });
    return true;
  }

  /** Ends the stream (after an ERROR saying why, when given) without telling onClose: the caller decides what follows. */
  end(error?: string): void {
    if (this.closed) return;
    if (error) this.send({ type: "ERROR", error: { message: error } });
    this.closed = true;
    clearInterval(this.heartbeat);
    this.res.end();
  }

  /** Takes an offer back from the framework's outstanding ones; the offer, or undefined when it was not one. */
  use(offerId: string): OutstandingOffer | undefined {
    const offer = this.offers.get(offerId);
    this.offers.delete(offerId);
    return offer;
  }

  refuse(agentId: string, seconds: number, nowMs: number): void {
    this.refusedUntil.set(agentId, nowMs + seconds * 1000);
  }
}
