import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, authSessions, users } from "../../src/db/schema";
import {
  createTestApp,
  createUser,
  signIn,
  type TestApp,
} from "../support/app";

type T = Pick<TestApp, "db">;

function userRow(t: T, id: number) {
  return t.db.select().from(users).where(eq(users.id, id)).get();
}

function auditRows(t: T, action: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();
}

const newUser = {
  email: "Pat.Lee@Uni.test",
  name: "Pat Lee",
  role: "supervisor",
  password: "a long enough secret",
};

describe("user list", () => {
  it("lists staff with role and status but never a password hash", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    await createUser(t.db, "staff", { name: "Stu Staff" });

    const res = await admin.get("/admin/users");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Stu Staff");
    expect(html).toContain("(you)");
    expect(html).not.toMatch(/\$argon2|scrypt\$|password_hash/i);
    expect(html).not.toContain(userRow(t, admin.id)!.passwordHash);
  });

  it("is for admins only", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.get("/admin/users");

    expect(res.status).toBe(403);
  });
});

describe("creating a user", () => {
  it("creates the account with a lower-case email and an audit row", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/users/new", newUser);

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users");
    const row = t.db
      .select()
      .from(users)
      .where(eq(users.email, "pat.lee@uni.test"))
      .get();
    expect(row).toMatchObject({ name: "Pat Lee", role: "supervisor" });
    expect(row!.passwordHash).not.toContain(newUser.password);
    const [audit] = auditRows(t, "user.create");
    expect(audit).toMatchObject({ actorId: admin.id });
    expect(JSON.stringify(audit!.after)).not.toContain(newUser.password);
  });

  it("refuses a short password and keeps the other values, not the password", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/users/new", {
      ...newUser,
      password: "short",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-password-error"');
    expect(html).toContain("Use at least 10 characters");
    expect(html).toContain('value="Pat Lee"');
    expect(html).not.toContain('value="short"');
    expect(t.db.select().from(users).all()).toHaveLength(1);
  });

  it("says what to enter for missing fields, not zod's 'Invalid input'", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/users/new", {});

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter an email address");
    expect(html).toContain("Enter the person&#39;s name");
    expect(html).toContain("Use at least 10 characters");
    expect(html).not.toContain("Invalid input");
    expect(t.db.select().from(users).all()).toHaveLength(1);
  });

  it("refuses an email already in use, under the email field", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    await createUser(t.db, "staff", { email: "pat.lee@uni.test" });

    const res = await admin.post("/admin/users/new", newUser);

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-email-error"');
    expect(html).toContain("already exists");
    expect(auditRows(t, "user.create")).toHaveLength(0);
  });
});

describe("changing a user", () => {
  it("changes another user's role with an audit row", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const staff = await createUser(t.db, "staff");

    const res = await admin.post(`/admin/users/${staff.id}/role`, {
      role: "supervisor",
    });

    expect(res.status).toBe(303);
    expect(userRow(t, staff.id)!.role).toBe("supervisor");
    const [audit] = auditRows(t, "user.role");
    expect(audit).toMatchObject({
      entityId: String(staff.id),
      before: { role: "staff" },
      after: { role: "supervisor" },
    });
  });

  it("refuses an admin demoting or deactivating themselves", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const demote = await admin.post(`/admin/users/${admin.id}/role`, {
      role: "staff",
    });
    const deactivate = await admin.post(
      `/admin/users/${admin.id}/deactivate`,
      {},
    );

    expect(demote.status).toBe(422);
    expect(await demote.text()).toContain("You cannot change your own role.");
    expect(deactivate.status).toBe(422);
    expect(await deactivate.text()).toContain(
      "You cannot deactivate yourself.",
    );
    expect(userRow(t, admin.id)).toMatchObject({ role: "admin", active: true });
    expect(auditRows(t, "user.role")).toHaveLength(0);
  });

  it("deactivates a user, ends their sessions, and activates them again", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const staff = await signIn(t, "staff");

    const off = await admin.post(`/admin/users/${staff.id}/deactivate`, {});
    const lockedOut = await staff.get("/machines");
    const on = await admin.post(`/admin/users/${staff.id}/activate`, {});

    expect(off.status).toBe(303);
    expect(lockedOut.status).toBe(303);
    expect(lockedOut.headers.get("location")).toMatch(/^\/login/);
    expect(
      t.db
        .select()
        .from(authSessions)
        .where(eq(authSessions.userId, staff.id))
        .all(),
    ).toHaveLength(0);
    expect(on.status).toBe(303);
    expect(userRow(t, staff.id)!.active).toBe(true);
    expect(auditRows(t, "user.deactivate")).toHaveLength(1);
    expect(auditRows(t, "user.activate")).toHaveLength(1);
  });

  it("refuses an unknown role and an unknown user", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const staff = await createUser(t.db, "staff");

    const badRole = await admin.post(`/admin/users/${staff.id}/role`, {
      role: "owner",
    });
    const noUser = await admin.post("/admin/users/9999/deactivate", {});
    const badId = await admin.post("/admin/users/abc/activate", {});

    expect(badRole.status).toBe(422);
    expect(userRow(t, staff.id)!.role).toBe("staff");
    expect(noUser.status).toBe(404);
    expect(badId.status).toBe(404);
  });

  it("refuses supervisors every user change", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const staff = await createUser(t.db, "staff");

    const responses = [
      await supervisor.get("/admin/users/new"),
      await supervisor.post("/admin/users/new", newUser),
      await supervisor.post(`/admin/users/${staff.id}/role`, { role: "admin" }),
      await supervisor.post(`/admin/users/${staff.id}/deactivate`, {}),
    ];

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(userRow(t, staff.id)).toMatchObject({ role: "staff", active: true });
  });
});
