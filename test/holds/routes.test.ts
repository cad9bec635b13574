import { describe, expect, it } from "vitest";
import { auditLog, holds } from "../../src/db/schema";
import { today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import {
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";

function holdForm(overrides: Record<string, string> = {}) {
  return {
    scope: "all",
    machineId: "",
    track: "",
    reason: "Left the lathe running",
    startsOn: "2025-01-01",
    endsOn: "",
    ...overrides,
  };
}

describe("placing a hold", () => {
  it("blocks every machine, writes an audit row and shows on the student page", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    makeMachine(t.db, { code: "DRILL-01" });

    const res = await supervisor.post("/students/S1/holds/new", holdForm());

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/students/S1");
    const hold = t.db.select().from(holds).get()!;
    expect(hold.scope).toBe("all");
    expect(hold.placedBy).toBe(supervisor.id);
    const audit = t.db.select().from(auditLog).get()!;
    expect(audit.action).toBe("hold.place");
    const page = await (await supervisor.get("/students/S1")).text();
    expect(page).toContain("Every machine");
    expect(page).toContain("Not cleared");
    expect(page).toContain("Left the lathe running");
  });

  it("places a hold on one machine or one track", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const machine = makeMachine(t.db);
    makeBadge(t.db, { track: "welding-mig" });

    const one = await supervisor.post(
      "/students/S1/holds/new",
      holdForm({ scope: "machine", machineId: String(machine.id) }),
    );
    const track = await supervisor.post(
      "/students/S1/holds/new",
      holdForm({ scope: "track", track: "welding-mig", machineId: "7" }),
    );

    expect(one.status).toBe(303);
    expect(track.status).toBe(303);
    const rows = t.db.select().from(holds).all();
    expect(rows.map((h) => [h.scope, h.machineId, h.track])).toEqual([
      ["machine", machine.id, null],
      ["track", null, "welding-mig"],
    ]);
  });

  it("asks for the machine or the track the scope needs", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });

    const machine = await supervisor.post(
      "/students/S1/holds/new",
      holdForm({ scope: "machine" }),
    );
    const track = await supervisor.post(
      "/students/S1/holds/new",
      holdForm({ scope: "track", track: "no-such-track" }),
    );

    expect(machine.status).toBe(422);
    expect(await machine.text()).toContain("Choose the machine");
    expect(track.status).toBe(422);
    expect(await track.text()).toContain("Choose a track that a badge");
    expect(t.db.select().from(holds).all()).toHaveLength(0);
  });

  it("needs a reason and an end no earlier than the start, keeping values", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });

    const res = await supervisor.post(
      "/students/S1/holds/new",
      holdForm({ reason: "", startsOn: "2025-05-10", endsOn: "2025-05-09" }),
    );

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Say why the student is on hold");
    expect(html).toContain("The end date must not be before the start date");
    expect(html).toContain('value="2025-05-10"');
    expect(t.db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("defaults the start to today", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });

    const html = await (await supervisor.get("/students/S1/holds/new")).text();

    expect(html).toContain(`value="${today()}"`);
  });

  it("does not let staff place a hold", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { number: "S1" });

    const res = await staff.post("/students/S1/holds/new", holdForm());

    expect(res.status).toBe(403);
    expect(t.db.select().from(holds).all()).toHaveLength(0);
  });
});

describe("lifting a hold", () => {
  it("records who lifted it and why, and writes an audit row", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db, { number: "S1" });
    const hold = makeHold(t.db, { studentId: student.id });

    const res = await supervisor.post(`/holds/${hold.id}/lift`, {
      note: "Retrained",
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/students/S1");
    const row = t.db.select().from(holds).get()!;
    expect(row.liftedAt).toBeInstanceOf(Date);
    expect(row.liftedBy).toBe(supervisor.id);
    expect(row.liftReason).toBe("Retrained");
    expect(t.db.select().from(auditLog).get()!.action).toBe("hold.lift");
  });

  it("answers 409 when the hold is already lifted", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const hold = makeHold(t.db);
    await supervisor.post(`/holds/${hold.id}/lift`, {});

    const res = await supervisor.post(`/holds/${hold.id}/lift`, {});

    expect(res.status).toBe(409);
    expect(t.db.select().from(auditLog).all()).toHaveLength(1);
  });

  it("re-renders the student page with the note kept when the note is too long, instead of an error page", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db, { number: "S1", firstName: "Ada" });
    const hold = makeHold(t.db, { studentId: student.id });
    const note = `${"n".repeat(500)}TAIL`;

    const res = await supervisor.post(`/holds/${hold.id}/lift`, { note });

    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("<h1>Ada ");
    expect(page).toContain("Keep the note under 500 characters");
    expect(page).toContain(`id="lift-note-${hold.id}-error"`);
    expect(page).toContain("TAIL");
    expect(t.db.select().from(holds).get()!.liftedAt).toBeNull();
    expect(t.db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("answers 404 for an unknown hold", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.post("/holds/404/lift", {});

    expect(res.status).toBe(404);
  });
});
