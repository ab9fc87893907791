import { randomUUID } from "node:crypto";
import { type BusHandles, channels, listen, request, tell } from "@berth/bus";
import { errorFromData, NotFoundError, ValidationError, mayAccess } from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ClusterView } from "../cluster-view.js";

/**
 * GET /v2/tasks/{taskId}/logs?tail=N&follow=true&stream=stdout|stderr: a task's
 * output as text, asked of the agent that runs it; with follow, a chunked
 * response that goes on until the task ends or the client leaves.
 */
export async function logRoutes(
  app: FastifyInstance,
  opts: { bus: BusHandles<"nc">; view: ClusterView; revocation: (req: FastifyRequest) => { signal: AbortSignal; release(): void } },
): Promise<void> {
  app.get<{ Params: { taskId: string }; Querystring: { tail?: string; follow?: string; stream?: string } }>(
    "/v2/tasks/:taskId/logs",
    async (req, reply) => {
      const found = opts.view.tasks.get(req.params.taskId)?.value;
      const task = found && mayAccess(req.principal, found.appId) ? found : undefined;
      if (!task)
        throw new NotFoundError(
          `Task '${req.params.taskId}' does not exist (ended tasks are forgotten; their logs stay on the agent until the container is removed)`,
        );
      const tail = req.query.tail === undefined ? 100 : Number(req.query.tail);
      if (!Number.isInteger(tail) || tail < 0)
        throw new ValidationError([{ path: "/tail", errors: ["must be a whole number of lines (0 for all)"] }]);
      const which = req.query.stream ?? "both";
      if (!["stdout", "stderr", "both"].includes(which))
        throw new ValidationError([{ path: "/stream", errors: ["must be stdout, stderr or both"] }]);
      const follow = req.query.follow === "true";
      const nc = opts.bus.nc;
      const logRequest = {
        taskId: task.taskId,
        tailLines: tail,
        follow,
        stdout: which !== "stderr",
        stderr: which !== "stdout",
        streamId: "",
      };
      if (!follow) {
        const chunk = await request(nc, channels.agentLogs, task.agentId, logRequest, 10_000);
        if (chunk.error?.message) throw errorFromData(chunk.error);
        return reply.type("text/plain; charset=utf-8").send(Buffer.from(chunk.data ?? new Uint8Array()));
      }
      const key = { agentId: task.agentId, streamId: randomUUID().replaceAll("-", "") };
      const chunks = listen(nc, channels.logChunks, key, (err) => req.log.warn({ err }, "log chunk left out: it cannot be read"));
      const ack = await request(nc, channels.agentLogs, task.agentId, { ...logRequest, streamId: key.streamId }, 10_000).catch(
        (err: unknown) => {
          chunks.stop();
          throw err;
        },
      );
      if (ack.error?.message) {
        chunks.stop();
        throw errorFromData(ack.error);
      }
      const res = reply.raw;
      reply.hijack();
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" });
      const onClose = () => {
        tell(nc, channels.logCancel, key, undefined);
        chunks.stop();
      };
      res.on("close", onClose);
      // A revoked token's follow ends at once.
      const revoked = opts.revocation(req);
      revoked.signal.addEventListener("abort", onClose);
      for await (const chunk of chunks.values) {
        if (chunk.data && chunk.data.length > 0) res.write(Buffer.from(chunk.data));
        if (chunk.eof) break;
      }
      revoked.release();
      res.off("close", onClose);
      chunks.stop();
      res.end();
    },
  );
}
