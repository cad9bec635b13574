import { describe, expect, it } from "vitest";
import {
  AccessCheckSchema,
  DeniedSchema,
  ErrorSchema,
  InvalidSchema,
  MachinesResponseSchema,
  SessionResponseSchema,
} from "../../src/api/schemas";
import { replaceCredential } from "../../src/credentials/service";
import { machineSessions } from "../../src/db/schema";
import { listDecisions } from "../../src/decisions/service";
import { revokeDevice } from "../../src/devices/service";
import { createTestApp } from "../support/app";
import { makeClearedStudent, makeDevice, makeShop } from "../sessions/shop";
import { apiCall } from "./helpers";

function setUp(device: { area?: string; machineCode?: string } = {}) {
  const t = createTestApp();
  const shop = makeShop(t);
  const { id, secret } = makeDevice(t.db, { kind: "interlock", ...device });
  const call = (method: "GET" | "POST", path: string, body?: unknown) =>
    apiCall(t.app, secret, method, path, body);
  return { ...t, shop, deviceId: id, secret, call };
}

describe("POST /api/v1/access-checks", () => {
  it("allows a cleared student and names student and machine", async () => {
    const { call, shop, db } = setUp();

    const res = await call("POST", "/access-checks", {
      machine: "LATHE-02",
      credential: `http://shop.test/s/${shop.adaCard}`,
    });

    expect(res.status).toBe(200);
    const body = AccessCheckSchema.parse(await res.json());
    expect(body).toEqual({
      allowed: true,
      student: { number: shop.ada.number, name: "Ada Lovelace" },
      machine: { code: "LATHE-02", name: "Lathe 2" },
      reasons: [],
    });
    expect(db.select().from(machineSessions).all()).toHaveLength(0);
    expect(listDecisions(db)).toMatchObject([
      { action: "check", granted: true },
    ]);
  });

  it("refuses a student without the badge, with the reason and badge", async () => {
    const { call, shop } = setUp();

    const res = await call("POST", "/access-checks", {
      machine: "LATHE-02",
      credential: shop.bobCard,
    });

    expect(res.status).toBe(200);
    const body = AccessCheckSchema.parse(await res.json());
    expect(body.allowed).toBe(false);
    expect(body.reasons).toEqual([
      {
        code: "missing",
        badge: "shop-safety",
        message: expect.stringContaining("Shop Safety"),
      },
    ]);
  });

  it("answers unknown and replaced cards with their codes", async () => {
    const { call, shop, db, config } = setUp();
    replaceCredential(db, config, { kind: "cli" }, shop.ada.id);

    const unknown = await call("POST", "/access-checks", {
      machine: "LATHE-02",
      credential: "no-such-card",
    });
    const replaced = await call("POST", "/access-checks", {
      machine: "LATHE-02",
      credential: shop.adaCard,
    });

    expect(await unknown.json()).toEqual({
      allowed: false,
      student: null,
      machine: { code: "LATHE-02", name: "Lathe 2" },
      reasons: [
        { code: "unknown-credential", message: "This card is not known here" },
      ],
    });
    const body = await replaced.json();
    expect(body.student).toBeNull();
    expect(body.reasons[0].code).toBe("replaced-credential");
    expect(body.reasons[0].message).toBe("This card was replaced");
  });

  it("answers 400 with the issues for a bad body", async () => {
    const { call } = setUp();

    const res = await call("POST", "/access-checks", { machine: "" });

    expect(res.status).toBe(400);
    const body = InvalidSchema.parse(await res.json());
    expect(body.error.issues.map((i) => i.path)).toEqual([
      ["machine"],
      ["credential"],
    ]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const { call } = setUp();

    const res = await call("POST", "/access-checks", "{not json");

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: "invalid",
        issues: [{ path: [], message: "The body is not valid JSON" }],
      },
    });
  });

  it("answers 401 without a secret, with a wrong one and after revoking", async () => {
    const { app, secret, deviceId, db } = setUp();
    const body = { machine: "LATHE-02", credential: "x" };

    const none = await apiCall(app, null, "POST", "/access-checks", body);
    const wrong = await apiCall(app, "nope", "POST", "/access-checks", body);
    revokeDevice(db, { kind: "cli" }, deviceId);
    const revoked = await apiCall(app, secret, "POST", "/access-checks", body);

    for (const res of [none, wrong, revoked]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(ErrorSchema.parse(await res.json()).error.code).toBe(
        "unauthorized",
      );
    }
    expect(listDecisions(db)).toHaveLength(0);
  });

  it("answers 404 for an unknown machine", async () => {
    const { call, shop } = setUp();

    const res = await call("POST", "/access-checks", {
      machine: "NOPE-1",
      credential: shop.adaCard,
    });

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not-found", message: "There is no machine NOPE-1" },
    });
  });

  it("answers 403 when a pinned device asks for another machine", async () => {
    const { call, shop } = setUp({ machineCode: "MILL-01" });

    const res = await call("POST", "/access-checks", {
      machine: "LATHE-02",
      credential: shop.adaCard,
    });

    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });
});

describe("POST /api/v1/sessions", () => {
  it("signs a cleared student in with 201 and the session", async () => {
    const { call, shop, db, deviceId } = setUp();

    const res = await call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: shop.adaCard,
    });

    expect(res.status).toBe(201);
    const { session } = SessionResponseSchema.parse(await res.json());
    expect(session).toMatchObject({
      machine: "LATHE-02",
      student: shop.ada.number,
      endedAt: null,
    });
    expect(db.select().from(machineSessions).get()).toMatchObject({
      id: session.id,
      deviceId,
    });
  });

  it("answers 200 with the open session when the student is already on", async () => {
    const { call, shop } = setUp();
    const body = { machine: "LATHE-02", credential: shop.adaCard };
    const first = await (await call("POST", "/sessions", body)).json();

    const res = await call("POST", "/sessions", body);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(first);
  });

  it("answers 403 with the reasons for a student who is not cleared", async () => {
    const { call, shop, db } = setUp();

    const res = await call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: shop.bobCard,
    });

    expect(res.status).toBe(403);
    const body = DeniedSchema.parse(await res.json());
    expect(body.allowed).toBe(false);
    expect(body.error.code).toBe("not-cleared");
    expect(body.reasons[0]?.code).toBe("missing");
    expect(db.select().from(machineSessions).all()).toHaveLength(0);
  });

  it("answers 403 for an unknown card", async () => {
    const { call } = setUp();

    const res = await call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: "who-knows",
    });

    expect(res.status).toBe(403);
    const body = DeniedSchema.parse(await res.json());
    expect(body.reasons[0]?.code).toBe("unknown-credential");
  });

  it("answers 409 occupied when the machine is full", async () => {
    const t = setUp();
    const other = makeClearedStudent(t, t.shop.safety.id);
    await t.call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: t.shop.adaCard,
    });

    const res = await t.call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: other.card,
    });

    expect(res.status).toBe(409);
    const body = DeniedSchema.parse(await res.json());
    expect(body.error.code).toBe("occupied");
    expect(body.reasons).toEqual([
      { code: "occupied", message: "Lathe 2 is in use by someone else" },
    ]);
  });

  it("answers 400, 401, 403 and 404 like the access check", async () => {
    const { call, app, shop } = setUp({ machineCode: "MILL-01" });
    const body = { machine: "LATHE-02", credential: shop.adaCard };

    const bad = await call("POST", "/sessions", { machine: 5 });
    const anonymous = await apiCall(app, null, "POST", "/sessions", body);
    const pinned = await call("POST", "/sessions", body);
    const unknown = await call("POST", "/sessions", {
      ...body,
      machine: "NOPE",
    });

    expect(bad.status).toBe(400);
    expect(anonymous.status).toBe(401);
    expect(pinned.status).toBe(403);
    expect(unknown.status).toBe(404);
  });
});

describe("POST /api/v1/sessions/:id/end", () => {
  it("ends a session with endedAt, and again returns it unchanged", async () => {
    const { call, shop } = setUp();
    const started = await call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: shop.adaCard,
    });
    const { session } = SessionResponseSchema.parse(await started.json());

    const first = await call("POST", `/sessions/${session.id}/end`);
    const second = await call("POST", `/sessions/${session.id}/end`);

    expect(first.status).toBe(200);
    const ended = SessionResponseSchema.parse(await first.json()).session;
    expect(ended.id).toBe(session.id);
    expect(ended.endedAt).not.toBeNull();
    expect(second.status).toBe(200);
    expect((await second.json()).session).toEqual(ended);
  });

  it("answers 404 for an unknown session", async () => {
    const { call } = setUp();

    const res = await call("POST", "/sessions/no-such-id/end");

    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not-found");
  });

  it("answers 403 for a session on another machine than the device's", async () => {
    const t = setUp({ machineCode: "MILL-01" });
    const lathe = makeDevice(t.db, {
      kind: "interlock",
      machineCode: "LATHE-02",
    });
    const started = await apiCall(t.app, lathe.secret, "POST", "/sessions", {
      machine: "LATHE-02",
      credential: t.shop.adaCard,
    });
    const { session } = await started.json();

    const res = await t.call("POST", `/sessions/${session.id}/end`);

    expect(res.status).toBe(403);
  });

  it("answers 401 without a secret", async () => {
    const { app } = setUp();

    const res = await apiCall(app, null, "POST", "/sessions/x/end");

    expect(res.status).toBe(401);
  });
});

describe("GET /api/v1/machines", () => {
  it("lists the device area's machines with status and open sessions", async () => {
    const { call, shop } = setUp({ area: "Machine Shop" });
    await call("POST", "/sessions", {
      machine: "LATHE-02",
      credential: shop.adaCard,
    });

    const res = await call("GET", "/machines");

    expect(res.status).toBe(200);
    const { machines } = MachinesResponseSchema.parse(await res.json());
    expect(machines.map((m) => [m.code, m.status])).toEqual([
      ["LATHE-02", "occupied"],
      ["MILL-01", "available"],
    ]);
    expect(machines[0]?.openSessions).toEqual([
      {
        id: expect.any(String),
        student: shop.ada.number,
        startedAt: expect.any(String),
      },
    ]);
  });

  it("lists only the pinned machine for a pinned device", async () => {
    const { call } = setUp({ machineCode: "MIG-01" });

    const res = await call("GET", "/machines");

    const { machines } = MachinesResponseSchema.parse(await res.json());
    expect(machines.map((m) => m.code)).toEqual(["MIG-01"]);
  });

  it("answers 401 without a secret", async () => {
    const { app } = setUp();

    const res = await apiCall(app, null, "GET", "/machines");

    expect(res.status).toBe(401);
  });
});
