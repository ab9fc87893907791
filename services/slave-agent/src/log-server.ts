import { codecs, type LogChunk, type LogRequest, type NatsConnection, subjects } from "@berth/bus";
import { LABELS } from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { ContainerRuntime } from "./runtime/container-runtime.js";

const MAX_REPLY_BYTES = 900 * 1024;
const MAX_FOLLOW_MS = 60 * 60 * 1000;

/**
 * Serves task logs from Docker: a request gets the last lines in one reply;
 * a followed request is acknowledged, then streamed in chunks to the asker's
 * subject until the container ends, the asker cancels, or an hour passes.
 */
export function serveLogs(nc: NatsConnection, agentId: string, runtime: ContainerRuntime, log: Logger): { stop(): void } {
  const sub = nc.subscribe(subjects.agentLogs(agentId));
  const streams = new Set<AbortController>();
  const reply = (subject: string | undefined, chunk: LogChunk) => {
    if (subject) nc.publish(subject, codecs.logChunk.encode(chunk));
  };
  const fail = (subject: string | undefined, message: string, code = "BERTH_ERR_NOT_FOUND") =>
    reply(subject, { data: new Uint8Array(), stream: "", eof: true, error: { code, message, retryable: false } });

  void (async () => {
    for await (const m of sub) {
      let req: LogRequest;
      try {
        req = codecs.logRequest.decode(m.data);
      } catch (err) {
        // Answered and skipped: one request that cannot be read must not end this agent's serving of logs.
        log.warn({ err: String(err) }, "log request left out: it cannot be read");
        fail(m.reply, `the log request cannot be read: ${String(err)}`, "BERTH_ERR_INVALID");
        continue;
      }
      void (async () => {
        const [container] = await runtime.list({ [LABELS.agent]: agentId, [LABELS.task]: req.taskId });
        if (!container) return fail(m.reply, `task ${req.taskId} has no container on agent ${agentId} (it may have been removed)`);
        const opts = { tail: req.tailLines, stdout: req.stdout, stderr: req.stderr };
        if (!req.follow) {
          const parts: Buffer[] = [];
          let size = 0;
          const ac = new AbortController();
          await runtime.logs(container.id, { ...opts, follow: false, signal: ac.signal }, (_s, data) => {
            if (size < MAX_REPLY_BYTES) parts.push(data.subarray(0, MAX_REPLY_BYTES - size));
            size += data.length;
          });
          const all = Buffer.concat(parts);
          return reply(m.reply, { data: all, stream: "", eof: true, error: null });
        }
        const ac = new AbortController();
        streams.add(ac);
        const cancel = nc.subscribe(subjects.logsCancel(agentId, req.streamId), { max: 1 });
        const streamSubject = subjects.logsStream(agentId, req.streamId);
        void (async () => {
          for await (const _ of cancel) ac.abort();
        })();
        const timer = setTimeout(() => ac.abort(), MAX_FOLLOW_MS);
        reply(m.reply, { data: new Uint8Array(), stream: "", eof: false, error: null });
        try {
          await runtime.logs(container.id, { ...opts, follow: true, signal: ac.signal }, (stream, data) =>
            reply(streamSubject, { data, stream, eof: false, error: null }),
          );
        } catch (err) {
          log.warn({ err: String(err), taskId: req.taskId }, "log stream failed");
        } finally {
          clearTimeout(timer);
          cancel.unsubscribe();
          streams.delete(ac);
          reply(streamSubject, { data: new Uint8Array(), stream: "", eof: true, error: null });
        }
      })().catch((err: unknown) => fail(m.reply, String(err)));
    }
  })();
  return {
    stop: () => {
      sub.unsubscribe();
      for (const ac of streams) ac.abort();
    },
  };
}
