import { describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema";
import type { Db } from "../../src/db/client";
import { createTestApp, signIn } from "../support/app";

function addEntry(
  db: Db,
  entry: Partial<typeof auditLog.$inferInsert> & { action: string },
) {
  db.insert(auditLog)
    .values({
      actorKind: "system",
      entityType: entry.action.split(".")[0]!,
      entityId: "1",
      ...entry,
    })
    .run();
}

describe("the audit log", () => {
  it("is for supervisors only", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    const res = await staff.get("/audit");

    expect(res.status).toBe(403);
  });

  it("lists entries newest first with what changed", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    addEntry(t.db, {
      action: "student.update",
      at: new Date("2025-01-01T10:00:00"),
      before: { lastName: "Old" },
      after: { lastName: "New" },
    });
    addEntry(t.db, {
      action: "award.revoke",
      at: new Date("2025-02-01T10:00:00"),
    });

    const html = await (await supervisor.get("/audit")).text();

    expect(html.indexOf("award.revoke")).toBeLessThan(
      html.indexOf("student.update"),
    );
    expect(html).toContain("<del>Old</del>");
    expect(html).toContain("<ins>New</ins>");
  });

  it("filters by action prefix, record and actor", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    addEntry(t.db, { action: "award.create", entityId: "5" });
    addEntry(t.db, { action: "award.revoke", entityId: "6" });
    addEntry(t.db, {
      action: "hold.place",
      actorKind: "user",
      actorId: supervisor.id,
    });

    const awardsOnly = await (
      await supervisor.get("/audit?action=award.")
    ).text();
    const oneRecord = await (
      await supervisor.get("/audit?entityType=award&entityId=6")
    ).text();
    const byActor = await (
      await supervisor.get(`/audit?actor=${supervisor.id}`)
    ).text();

    expect(awardsOnly).toContain("award.create");
    expect(awardsOnly).not.toContain("<code>hold.place</code>");
    expect(oneRecord).toContain("award.revoke");
    expect(oneRecord).not.toContain("<code>award.create</code>");
    expect(byActor).toContain("hold.place");
    expect(byActor).toContain(supervisor.name);
    expect(byActor).not.toContain("<code>award.create</code>");
  });

  it("filters by a date range and explains a bad date instead of failing", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    addEntry(t.db, { action: "old.thing", at: new Date("2024-06-01T12:00") });
    addEntry(t.db, { action: "new.thing", at: new Date("2025-06-01T12:00") });

    const ranged = await (
      await supervisor.get("/audit?from=2025-01-01&to=2025-06-01")
    ).text();
    const bad = await supervisor.get("/audit?from=2025-13-45&page=-3");

    expect(ranged).toContain("new.thing");
    expect(ranged).not.toContain("old.thing");
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Write the date as YYYY-MM-DD");
  });

  it("says a bad-date message once when both dates are bad, not twice in a row", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.get("/audit?from=2025-02-30&to=nope");

    const html = await res.text();
    const alert = html.slice(html.indexOf('class="form-error"'));
    expect(alert.match(/Write the date as YYYY-MM-DD/g)).toHaveLength(1);
  });

  it("answers an htmx filter with only the results and Vary", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    addEntry(t.db, { action: "award.create" });

    const res = await supervisor.get("/audit?action=award", {
      "HX-Request": "true",
    });

    expect(res.headers.get("vary")).toContain("HX-Request");
    const html = await res.text();
    expect(html).toContain("award.create");
    expect(html).not.toContain("<form");
  });

  it("never shows a password hash, even if one was written", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    addEntry(t.db, {
      action: "user.create",
      after: { email: "a@shop.test", passwordHash: "$argon2id$secret" },
    });

    const html = await (await supervisor.get("/audit")).text();

    expect(html).toContain("a@shop.test");
    expect(html).not.toContain("argon2id");
  });

  it("pages through entries 50 at a time, keeping the filters", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    for (let i = 0; i < 51; i += 1) addEntry(t.db, { action: "award.create" });

    const first = await (await supervisor.get("/audit?action=award")).text();
    const second = await (
      await supervisor.get("/audit?action=award&page=2")
    ).text();

    expect(first).toContain("51 entries");
    expect(first).toContain('href="/audit?action=award&amp;page=2"');
    expect(second).toContain("Page 2 of 2");
  });
});
