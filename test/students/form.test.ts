import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, studentCredentials, students } from "../../src/db/schema";
import { createTestApp, signIn } from "../support/app";
import { makeStudent } from "../support/factories";

const form = {
  number: "S2001",
  firstName: "Grace",
  lastName: "Hopper",
  email: "Grace.Hopper@Uni.test",
  status: "active",
};

describe("adding and editing a student", () => {
  it("refuses staff who are not supervisors", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    const page = await staff.get("/students/new");
    const post = await staff.post("/students/new", form);

    expect(page.status).toBe(403);
    expect(post.status).toBe(403);
    expect(t.db.select().from(students).all()).toHaveLength(0);
  });

  it("adds a student with a lower-case email, a credential and an audit row", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.post("/students/new", form);

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/students/S2001");
    const row = t.db.select().from(students).get()!;
    expect(row.email).toBe("grace.hopper@uni.test");
    const cards = t.db.select().from(studentCredentials).all();
    expect(cards.map((c) => c.studentId)).toEqual([row.id]);
    const audit = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "student.create"))
      .get()!;
    expect(audit.actorId).toBe(supervisor.id);
    expect(audit.entityId).toBe(String(row.id));
  });

  it("refuses an email already used, whatever its case, and keeps the values", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { email: "grace.hopper@uni.test" });

    const res = await supervisor.post("/students/new", form);

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("A student with that email already exists");
    expect(html).toContain('value="S2001"');
    expect(html).toContain('value="Hopper"');
    expect(t.db.select().from(students).all()).toHaveLength(1);
  });

  it("answers 422 for a student number already used, keeping the values", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S2001" });

    const res = await supervisor.post("/students/new", form);

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("A student with that number already exists");
    expect(html).toContain('value="Grace"');
    expect(t.db.select().from(students).all()).toHaveLength(1);
    expect(t.db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("refuses a number that differs from another student's only in case, which made two records for one card", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S2001" });

    const res = await supervisor.post("/students/new", {
      ...form,
      number: "s2001",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      "A student with that number already exists",
    );
    expect(t.db.select().from(students).all()).toHaveLength(1);
  });

  it("says what is wrong under each field", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.post("/students/new", {
      ...form,
      number: "",
      email: "not an email",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the student number");
    expect(html).toContain("Enter an email address");
    expect(html).toContain('value="Grace"');
    expect(t.db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("says what to enter for missing fields, not zod's 'Invalid input'", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.post("/students/new", {});

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the student number");
    expect(html).toContain("Enter an email address");
    expect(html).not.toContain("Invalid input");
    expect(t.db.select().from(students).all()).toHaveLength(0);
  });

  it("edits a student and audits only what changed", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db, { number: "S1", lastName: "Old" });

    const res = await supervisor.post("/students/S1/edit", {
      number: "S1",
      firstName: student.firstName,
      lastName: "New",
      email: student.email,
      status: "inactive",
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/students/S1");
    const audit = t.db.select().from(auditLog).get()!;
    expect(audit.action).toBe("student.update");
    expect(audit.before).toEqual({ lastName: "Old", status: "active" });
    expect(audit.after).toEqual({ lastName: "New", status: "inactive" });
  });

  it("refuses to give a student another student's email", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1", email: "one@uni.test" });
    makeStudent(t.db, { number: "S2", email: "two@uni.test" });

    const res = await supervisor.post("/students/S2/edit", {
      ...form,
      number: "S2",
      email: "ONE@uni.test",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      "A student with that email already exists",
    );
  });

  it("answers 404 for an unknown student number", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const page = await supervisor.get("/students/NOPE");
    const edit = await supervisor.get("/students/NOPE/edit");

    expect(page.status).toBe(404);
    expect(edit.status).toBe(404);
  });
});
