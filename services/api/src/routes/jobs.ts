import { UnavailableError } from "@berth/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Metronome's /v1 jobs API at the api's address too, passed on to the
 * job-scheduler as it came (the caller's token included: the job-scheduler
 * decides what it may do), so Metronome's clients and the web UI need one
 * address. The job-scheduler's answer goes back as it was.
 */
export async function jobRoutes(app: FastifyInstance, opts: { jobsUrl: string }): Promise<void> {
  const pass = async (req: FastifyRequest, reply: FastifyReply) => {
    let res: Response;
    try {
      res = await fetch(`${opts.jobsUrl}${req.url}`, {
        method: req.method,
        headers: {
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          ...(req.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      });
    } catch (err) {
      throw new UnavailableError(
        `The jobs API (the job-scheduler at ${opts.jobsUrl}) is not reachable: ${String((err as Error).cause ?? err)}`,
      );
    }
    return reply
      .code(res.status)
      .header("content-type", res.headers.get("content-type") ?? "application/json")
      .send(await res.text());
  };
  for (const method of ["GET", "POST", "PUT", "DELETE"] as const) app.route({ method, url: "/v1/*", handler: pass });
}
