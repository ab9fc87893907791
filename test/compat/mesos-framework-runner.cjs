// Runs npm's mesos-framework as a framework process of its own, as its users run it: the test reads
// what it hears (one JSON line per event on stdout) and tells it what to do (one JSON line per
// command on stdin). Nothing here changes how the client talks to its master.
"use strict";
const readline = require("node:readline");
const { Scheduler, Mesos } = require("mesos-framework");

const mesos = Mesos.getMesos();
const [masterUrl, port, image, logDir] = process.argv.slice(2);
const say = (event, data) => process.stdout.write(`${JSON.stringify({ event, data })}\n`);

const scheduler = new Scheduler({
  masterUrl,
  port: Number(port),
  frameworkName: "nightly-batch",
  logging: { path: logDir, fileName: "mesos-framework.log", level: "error" },
  tasks: {
    sleepers: {
      priority: 1,
      instances: 2,
      containerInfo: new mesos.ContainerInfo(
        mesos.ContainerInfo.Type.DOCKER,
        null,
        null,
        new mesos.ContainerInfo.DockerInfo(image, mesos.ContainerInfo.DockerInfo.Network.HOST, null, false, null, false, null),
      ),
      commandInfo: new mesos.CommandInfo(null, null, true, "echo started on port $PORT0; sleep 3600", null, null),
      resources: { cpus: 0.05, mem: 32, ports: 1, disk: 0 },
    },
  },
});

const tasks = () => ({
  frameworkId: scheduler.frameworkId,
  pending: scheduler.pendingTasks.length,
  launched: scheduler.launchedTasks.map((t) => ({
    taskId: t.taskId,
    agentId: t.runtimeInfo && t.runtimeInfo.agentId,
    state: t.runtimeInfo && t.runtimeInfo.state,
  })),
});

scheduler.on("error", (e) => say("error", String((e && e.message) || e)));
scheduler.on("update", (u) => say("update", u.status));
scheduler.on("subscribed", (s) => say("subscribed", s));
scheduler.on("ready", () => scheduler.subscribe());

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const c = JSON.parse(line);
  if (c.cmd === "tasks") say("tasks", tasks());
  if (c.cmd === "kill") scheduler.kill(c.taskId, c.agentId);
  if (c.cmd === "reconcile") scheduler.reconcile();
  if (c.cmd === "teardown") scheduler.teardown();
});
