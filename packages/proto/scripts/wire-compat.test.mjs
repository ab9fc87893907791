import { describe, expect, it } from "vitest";
import { wireBreaks, wireShape } from "./wire-compat.mjs";

/** A protobufjs JSON root with one package `p` holding `types`. */
const root = (types) => ({ nested: { p: { nested: types } } });
const shape = (types) => wireShape(root(types));
const task = (fields, reserved) => ({ Task: { fields, ...(reserved ? { reserved } : {}) } });
const base = {
  id: { type: "string", id: 1 },
  tags: { type: "string", id: 2, rule: "repeated" },
  labels: { keyType: "string", type: "string", id: 3 },
};

describe("wireBreaks", () => {
  it("lets the protocol stay, grow and rename", () => {
    expect(wireBreaks(shape(task(base)), shape(task(base)))).toEqual([]);
    expect(wireBreaks(shape(task(base)), shape({ ...task({ ...base, extra: { type: "int64", id: 4 } }), New: { fields: {} } }))).toEqual(
      [],
    );
    const { id, ...rest } = base;
    expect(wireBreaks(shape(task(base)), shape(task({ ...rest, task_id: id })))).toEqual([]);
  });

  it("allows a field removed only with its number reserved", () => {
    const { tags: _tags, ...rest } = base;
    expect(wireBreaks(shape(task(base)), shape(task(rest)))).toEqual(["field p.Task.tags = 2 was removed without reserving 2"]);
    expect(wireBreaks(shape(task(base)), shape(task(rest, [[2, 2], "tags"])))).toEqual([]);
  });

  it("refuses a field whose type, cardinality or map key changed", () => {
    const changed = {
      ...base,
      id: { type: "int64", id: 1 },
      tags: { type: "string", id: 2 },
      labels: { keyType: "int32", type: "string", id: 3 },
    };
    expect(wireBreaks(shape(task(base)), shape(task(changed)))).toEqual([
      "field p.Task.id = 1 changed its type from 'string' to 'int64'",
      "field p.Task.tags = 2 changed its rule from 'repeated' to ''",
      "field p.Task.labels = 3 changed its keyType from 'string' to 'int32'",
    ]);
  });

  it("refuses a reserved number used again, a type gone, and an enum value removed", () => {
    const { tags: _tags, ...rest } = base;
    const last = shape({
      ...task(rest, [[2, 2]]),
      State: { values: { UNKNOWN: 0, RUNNING: 1 } },
      Gone: { fields: { a: { type: "bool", id: 1 } } },
    });
    const next = shape({ ...task({ ...rest, again: { type: "bool", id: 2 } }), State: { values: { UNKNOWN: 0 } } });
    expect(wireBreaks(last, next)).toEqual([
      "p.Task uses 2 again, reserved in the last release",
      "value p.State.RUNNING = 1 was removed without reserving 1",
      "message p.Gone is gone (a type on the wire stays; stop using it instead)",
    ]);
  });
});
