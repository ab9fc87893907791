import { describe, expect, it } from "vitest";
import { parsePortRange, planServicePorts, servicePorts, withServicePorts } from "./service-ports.js";
import { appOf } from "./test-fixtures.js";

const none = () => undefined;
const heldBy = (held: Record<number, string>) => (p: number) => held[p];

describe("service ports", () => {
  it("picks the lowest free ports of the range for 0s, skipping ports other apps hold", () => {
    const app = appOf({ portDefinitions: [{ port: 0 }, { port: 0 }] });
    expect(planServicePorts(app, undefined, none)).toEqual({ ok: true, ports: [10000, 10001] });
    expect(planServicePorts(app, undefined, heldBy({ 10000: "/a", 10002: "/b" }))).toEqual({ ok: true, ports: [10001, 10003] });
  });

  it("keeps a fixed port, and refuses one another app holds, naming it and the field", () => {
    expect(planServicePorts(appOf({ portDefinitions: [{ port: 0 }, { port: 10000 }] }), undefined, none)).toEqual({
      ok: true,
      ports: [10001, 10000],
    });
    expect(planServicePorts(appOf({ portDefinitions: [{ port: 12000 }] }), undefined, heldBy({ 12000: "/shop/db" }))).toEqual({
      ok: false,
      details: [{ path: "/portDefinitions/0/port", errors: ["service port 12000 is held by /shop/db: give 0 to get a free one"] }],
    });
    expect(planServicePorts(appOf({ portDefinitions: [{ port: 12000 }, { port: 12000 }] }), undefined, none)).toMatchObject({
      ok: false,
      details: [{ path: "/portDefinitions/1/port", errors: ["service port 12000 is given twice"] }],
    });
  });

  it("stays with the app across an update that gives 0 again, even when lower ports have come free", () => {
    const before = withServicePorts(appOf({ portDefinitions: [{ port: 0 }, { port: 0 }] }), [10005, 10007]);
    const again = appOf({ portDefinitions: [{ port: 0 }, { port: 0 }, { port: 0 }] });
    expect(planServicePorts(again, before, none)).toEqual({ ok: true, ports: [10005, 10007, 10000] });
  });

  it("never gives a fresh pick a port the app keeps in a later place", () => {
    const before = withServicePorts(appOf({ portDefinitions: [{ port: 0 }, { port: 0 }] }), [10003, 10000]);
    const again = appOf({ portDefinitions: [{ port: 0 }, { port: 0 }] });
    expect(planServicePorts(again, before, heldBy({ 10003: "/thief" }))).toEqual({ ok: true, ports: [10001, 10000] });
  });

  it("says when the range is used up", () => {
    const app = appOf({ portDefinitions: [{ port: 0 }, { port: 0 }] });
    expect(planServicePorts(app, undefined, none, { begin: 10000, end: 10000 })).toEqual({
      ok: false,
      details: [{ path: "/portDefinitions/1/port", errors: ["no free service port is left in 10000-10000"] }],
    });
  });

  it("are the port mappings' servicePort off the host's network", () => {
    const app = appOf({
      networks: [{ mode: "container/bridge" }],
      container: { docker: { image: "nginx" }, portMappings: [{ containerPort: 80 }, { containerPort: 443, servicePort: 10443 }] },
    });
    expect(servicePorts(app)).toEqual([0, 10443]);
    const plan = planServicePorts(app, undefined, none);
    expect(plan).toEqual({ ok: true, ports: [10000, 10443] });
    const assigned = withServicePorts(app, [10000, 10443]);
    expect(assigned.container?.portMappings?.map((m) => m.servicePort)).toEqual([10000, 10443]);
    expect(
      planServicePorts(
        appOf({
          networks: [{ mode: "container/bridge" }],
          container: { docker: { image: "x" }, portMappings: [{ containerPort: 1, servicePort: 9 }] },
        }),
        undefined,
        heldBy({ 9: "/x" }),
      ),
    ).toMatchObject({
      ok: false,
      details: [{ path: "/container/portMappings/0/servicePort" }],
    });
  });

  it("reads one range from configuration, or says what is wrong", () => {
    expect(parsePortRange("10000-20000")).toEqual({ begin: 10000, end: 20000 });
    expect(() => parsePortRange("20000-10000")).toThrow(/not one port range/);
    expect(() => parsePortRange("1-2,5-6")).toThrow(/not one port range/);
  });
});
