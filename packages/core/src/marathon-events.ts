/** An event in Marathon's JSON shape. */
export interface MarathonEvent {
  eventType: string;
  timestamp: string;
  [field: string]: unknown;
}

/** Marathon's instance condition for a Mesos task state: TASK_RUNNING → Running. */
export function conditionOf(state: string): string {
  const word = state.replace(/^TASK_/, "").toLowerCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The events a stored event stands for where clients receive them (/v2/events,
 * callbacks): itself, and beside a status_update_event the
 * instance_changed_event Marathon publishes with it. That one is derived here,
 * not stored: each of its fields is in the status update (in Berth an
 * instance is one task), so storing it doubled every status update's writes.
 */
export function eventsAtEdge(e: MarathonEvent): MarathonEvent[] {
  if (e.eventType !== "status_update_event") return [e];
  const instance: MarathonEvent = {
    eventType: "instance_changed_event",
    timestamp: e.timestamp,
    instanceId: e.taskId,
    condition: conditionOf(String(e.taskStatus ?? "")),
    runSpecId: e.appId,
    agentId: e.slaveId,
    host: e.host,
    runSpecVersion: e.version,
  };
  return [e, instance];
}

/** The stored event type that carries a type clients ask for: instance_changed_event rides on status_update_event. */
export function storedTypeOf(eventType: string): string {
  return eventType === "instance_changed_event" ? "status_update_event" : eventType;
}
