"""Drives Berth with Debian's Marathon client library (python3-marathon), unchanged.

    /usr/bin/python3 marathon_client.py <api url> <token> <image>

Signs in as open-source Marathon's clients do (HTTP Basic, the token as the
password), then runs what a user of the library does, step by step. Prints one
JSON line per step ({"step": name, ...what it saw}); a step that fails prints
{"step": name, "error": ...} and the script exits 1. Every call is the
library's own: nothing here reaches past it to the HTTP API.
"""

import http.server
import json
import sys
import threading
import time
import traceback

from marathon import MarathonClient
from marathon.models import MarathonApp, MarathonGroup
from marathon.models.container import MarathonContainer, MarathonDockerContainer

URL, TOKEN, IMAGE = sys.argv[1:4]
client = MarathonClient(URL, username="ci", password=TOKEN, timeout=30)
APP = "/compat/web"


def report(step, **seen):
    print(json.dumps({"step": step, **seen}, default=str), flush=True)


def wait(what, check, timeout=90):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            value = check()
            if value:
                return value
        except Exception as err:  # a transient answer while things settle
            last = err
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}" + (f": {last}" if last else ""))


def settled():
    wait("no deployments", lambda: client.list_deployments() == [])


def sleeper(cmd="sleep 600", instances=1, **over):
    return MarathonApp(
        cmd=cmd,
        cpus=0.05,
        mem=32,
        instances=instances,
        task_kill_grace_period_seconds=0,
        container=MarathonContainer(docker=MarathonDockerContainer(image=IMAGE), type="DOCKER"),
        **over,
    )


def scenario():
    report("ping", answer=client.ping().decode())
    info = client.get_info()
    report("info", name=info.name, version=info.version, leader=info.leader)
    report("leader", leader=client.get_leader()["leader"])

    created = client.create_app(APP, sleeper())
    report("create", id=created.id, instances=created.instances)
    app = wait("one task running", lambda: (lambda a: a if a.tasks_running == 1 else None)(client.get_app(APP, embed_tasks=True)))
    report("get", id=app.id, tasks=[t.id for t in app.tasks], version=app.version)
    listed = client.list_apps(embed_tasks=True)
    report("list", ids=[a.id for a in listed], tasks=sum(len(a.tasks) for a in listed))
    settled()

    client.scale_app(APP, instances=2)
    wait("two tasks running", lambda: client.get_app(APP).tasks_running == 2)
    settled()
    report("scale", running=client.get_app(APP).tasks_running)

    first = client.list_versions(APP)[-1]
    client.update_app(APP, MarathonApp(cmd="sleep 601"))
    settled()
    changed = client.get_app(APP)
    client.rollback_app(APP, first)
    settled()
    back = wait("the rollback", lambda: (lambda a: a if a.cmd == "sleep 600" and a.tasks_running == 1 else None)(client.get_app(APP)))
    report("rollback", changed_cmd=changed.cmd, cmd=back.cmd, instances=back.instances, versions=len(client.list_versions(APP)))

    before = {t.id for t in client.list_tasks(APP)}
    client.restart_app(APP)
    settled()
    after = wait("restarted tasks running", lambda: (lambda ts: ts if len(ts) == 1 and ts[0].state == "TASK_RUNNING" and ts[0].id not in before else None)(client.list_tasks(APP)))
    report("restart", replaced=after[0].id not in before)

    task = client.list_tasks(APP)[0]
    killed = client.kill_task(APP, task.id)
    replacement = wait("a replacement", lambda: [t for t in client.list_tasks(APP) if t.id != task.id and t.state == "TASK_RUNNING"])
    report("kill-task", killed=killed.id, replacement=replacement[0].id)
    bulk = client.kill_given_tasks([replacement[0].id, "compat_web.no-such-task"])
    wait("another replacement", lambda: [t for t in client.list_tasks(APP) if t.id != replacement[0].id and t.state == "TASK_RUNNING"])
    report("kill-given-tasks", answered=bulk)
    settled()

    report("queue", items=len(client.list_queue()))

    client.create_group(MarathonGroup(id="/compat/grp", apps=[sleeper(id="/compat/grp/a")]))
    wait("the group's app running", lambda: client.get_app("/compat/grp/a").tasks_running == 1)
    settled()
    group = client.get_group("/compat/grp")
    group_version = client.get_app("/compat/grp/a").version
    client.scale_group("/compat/grp", 2)
    wait("the group scaled", lambda: client.get_app("/compat/grp/a").tasks_running == 2)
    settled()
    client.rollback_group("/compat/grp", group_version, force=True)
    wait("the group rolled back", lambda: client.get_app("/compat/grp/a").instances == 1)
    settled()
    report("group", id=group.id, apps=[a.id for a in group.apps], groups=len(client.list_groups()), instances=client.get_app("/compat/grp/a").instances)
    client.delete_group("/compat/grp", force=True)
    wait("the group gone", lambda: [a for a in client.list_apps() if a.id.startswith("/compat/grp/")] == [])
    settled()

    # A deployment that cannot finish (its new tasks exit at once), cancelled: the app is rolled back.
    client.update_app(APP, MarathonApp(cmd="exit 1"))
    running = wait("the failing deployment", lambda: client.list_deployments())
    client.delete_deployment(running[0].id)
    back = wait("the rollback of the cancelled deployment", lambda: (lambda a: a if a.cmd == "sleep 600" else None)(client.get_app(APP)))
    settled()
    report("deployment-cancel", affected=running[0].affected_apps, cmd=back.cmd)

    events = []

    def follow():
        try:
            for e in client.event_stream(event_types=["status_update_event"]):
                if getattr(e, "app_id", "") == APP:
                    events.append(e)
                    return
        except Exception as err:
            events.append(err)

    threading.Thread(target=follow, daemon=True).start()
    time.sleep(1)
    client.restart_app(APP, force=True)
    wait("a status_update_event on the stream", lambda: events, timeout=60)
    if isinstance(events[0], Exception):
        raise events[0]
    report("events", event_type=events[0].event_type, task_status=events[0].task_status)
    settled()

    # An HTTP event subscription, with a receiver on loopback.
    received = []

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    callback = f"http://127.0.0.1:{server.server_address[1]}/events"
    client.create_event_subscription(callback)
    listed = callback in client.list_event_subscriptions()
    client.update_app(APP, MarathonApp(labels={"subscribed": "yes"}))
    wait("events at the receiver", lambda: {"api_post_event", "status_update_event"} <= {e["eventType"] for e in received})
    settled()
    client.delete_event_subscription(callback)
    unlisted = callback not in client.list_event_subscriptions()
    server.shutdown()
    report("event-subscription", listed=listed, unlisted=unlisted, received=sorted({e["eventType"] for e in received}))

    metrics = client.get_metrics()
    report("metrics", counters=len(metrics["counters"]))

    client.delete_app(APP, force=True)
    wait("the app gone", lambda: APP not in [a.id for a in client.list_apps()])
    report("delete", apps=[a.id for a in client.list_apps()])


try:
    scenario()
except Exception as err:
    report("failed", error=f"{type(err).__name__}: {err}", trace=traceback.format_exc())
    sys.exit(1)
