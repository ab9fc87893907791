import { channels, type LogChunk, listen, type NatsConnection, serveOwn, tell } from "@berth/bus";
import { errorToData, LABELS, NotFoundError } from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { ContainerRuntime } from "./runtime/container-runtime.js";

const MAX_REPLY_BYTES = 900 * 1024;
const MAX_FOLLOW_MS = 60 * 60 * 1000;

const chunk = (data: Uint8Array, eof: boolean, stream = ""): LogChunk => ({ data, stream, eof, error: null });

/**
 * Serves task logs from Docker (`channels.agentLogs`, on this agent's own subject): a request gets the
 * last lines in one reply; a followed request is acknowledged, then streamed in chunks on
 * `channels.logChunks` until the container ends, the asker cancels, or an hour passes. A request that
 * cannot be read is answered with why, and the next is still served.
 */
export function serveLogs(nc: NatsConnection, agentId: string, runtime: ContainerRuntime, log: Logger): { stop(): void } {
  const streams = new Set<AbortController>();

  const follow = (containerId: string, opts: { tail: number; stdout: boolean; stderr: boolean }, taskId: string, streamId: string) => {
    const key = { agentId, streamId };
    const ac = new AbortController();
    streams.add(ac);
    const cancel = listen(nc, channels.logCancel, key, () => ac.abort());
    void (async () => {
      for await (const _ of cancel.values) return ac.abort();
    })();
    const timer = setTimeout(() => ac.abort(), MAX_FOLLOW_MS);
    void (async () => {
      try {
        await runtime.logs(containerId, { ...opts, follow: true, signal: ac.signal }, (stream, data) =>
          tell(nc, channels.logChunks, key, chunk(data, false, stream)),
        );
      } catch (err) {
        log.warn({ err: String(err), taskId }, "log stream failed");
      } finally {
        clearTimeout(timer);
        cancel.stop();
        streams.delete(ac);
        tell(nc, channels.logChunks, key, chunk(new Uint8Array(), true));
      }
    })();
  };

  const served = serveOwn(
    nc,
    channels.agentLogs,
    agentId,
    async (req) => {
      const [container] = await runtime.list({ [LABELS.agent]: agentId, [LABELS.task]: req.taskId });
      if (!container) throw new NotFoundError(`task ${req.taskId} has no container on agent ${agentId} (it may have been removed)`);
      const opts = { tail: req.tailLines, stdout: req.stdout, stderr: req.stderr };
      if (req.follow) {
        follow(container.id, opts, req.taskId, req.streamId);
        return chunk(new Uint8Array(), false);
      }
      const parts: Buffer[] = [];
      let size = 0;
      await runtime.logs(container.id, { ...opts, follow: false, signal: new AbortController().signal }, (_s, data) => {
        if (size < MAX_REPLY_BYTES) parts.push(data.subarray(0, MAX_REPLY_BYTES - size));
        size += data.length;
      });
      return chunk(Buffer.concat(parts), true);
    },
    (err) => {
      log.info({ err: String(err) }, "log request refused");
      return { data: new Uint8Array(), stream: "", eof: true, error: errorToData(err) };
    },
  );
  return {
    stop: () => {
      served.stop();
      for (const ac of streams) ac.abort();
    },
  };
}
