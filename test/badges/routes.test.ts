import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, badgeAssessors, badges } from "../../src/db/schema";
import { createTestApp, createUser, signIn } from "../support/app";
import { makeBadge } from "../support/factories";

const goodBadge = {
  slug: "lathe-intermediate-skills",
  name: "Lathe Intermediate Skills",
  track: "lathe",
  type: "skills",
  level: "intermediate",
  description: "Turning between centres.",
  criteria: "Turn a test piece to drawing.",
  criteriaUrl: "https://moodle.uni.test/course/42",
  validity: "24 months",
  lapseUnusedMonths: "6",
};

function badgeRow(t: ReturnType<typeof createTestApp>, slug: string) {
  return t.db.select().from(badges).where(eq(badges.slug, slug)).get();
}

function auditRows(t: ReturnType<typeof createTestApp>, action: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();
}

describe("badge list", () => {
  it("shows badges grouped by track with validity in words", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeBadge(t.db, { name: "Shop Safety", track: "shop-safety" });
    makeBadge(t.db, {
      name: "Lathe Intro",
      track: "lathe",
      validityKind: "annual",
      validityAnnual: "08-31",
    });

    const res = await staff.get("/admin/badges");

    expect(res.status).toBe(200);
    expect(res.headers.get("vary")).toContain("HX-Request");
    const html = await res.text();
    expect(html).toContain('<h2 id="track-lathe">lathe</h2>');
    expect(html).toContain('<h2 id="track-shop-safety">shop-safety</h2>');
    expect(html).toContain(
      "Valid until the next August 31 after it is awarded",
    );
    expect(html).not.toContain("New badge");
  });

  it("hides archived badges unless asked, then marks them", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeBadge(t.db, { name: "Old Mill Badge", archived: true });

    const hidden = await (await staff.get("/admin/badges")).text();
    const shown = await (await staff.get("/admin/badges?archived=1")).text();

    expect(hidden).not.toContain("Old Mill Badge");
    expect(shown).toContain("Old Mill Badge");
    expect(shown).toContain("Archived");
  });

  it("answers an htmx filter request with the list partial only", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeBadge(t.db, { name: "Old Mill Badge", archived: true });

    const res = await staff.get("/admin/badges?archived=1", {
      "HX-Request": "true",
    });

    const html = await res.text();
    expect(res.headers.get("vary")).toContain("HX-Request");
    expect(html).toContain("Old Mill Badge");
    expect(html).not.toContain("<html");
  });
});

describe("creating a badge", () => {
  it("creates the badge, its assessors and an audit row, then redirects", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const supervisor = await createUser(t.db, "supervisor");

    const res = await admin.post("/admin/badges/new", {
      ...goodBadge,
      assessors: String(supervisor.id),
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      "/admin/badges#badge-lathe-intermediate-skills",
    );
    const row = badgeRow(t, "lathe-intermediate-skills");
    expect(row).toMatchObject({
      name: "Lathe Intermediate Skills",
      validityKind: "months",
      validityMonths: 24,
      lapseUnusedMonths: 6,
      criteriaUrl: "https://moodle.uni.test/course/42",
    });
    const assessors = t.db.select().from(badgeAssessors).all();
    expect(assessors).toEqual([{ badgeId: row!.id, userId: supervisor.id }]);
    const [audit] = auditRows(t, "badge.create");
    expect(audit).toMatchObject({
      actorId: admin.id,
      entityId: String(row!.id),
    });
    expect(audit!.after).toMatchObject({ slug: "lathe-intermediate-skills" });
  });

  it("stores an annual validity and no lapse when left empty", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    await admin.post("/admin/badges/new", {
      ...goodBadge,
      validity: "annual 08-31",
      lapseUnusedMonths: "",
      criteriaUrl: "",
    });

    expect(badgeRow(t, goodBadge.slug)).toMatchObject({
      validityKind: "annual",
      validityAnnual: "08-31",
      validityMonths: null,
      lapseUnusedMonths: null,
      criteriaUrl: null,
    });
  });

  it("explains a validity it cannot read and keeps what was typed", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/badges/new", {
      ...goodBadge,
      validity: "annual 02-30",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("a yearly date like &quot;annual 08-31&quot;");
    expect(html).toContain('value="annual 02-30"');
    expect(badgeRow(t, goodBadge.slug)).toBeUndefined();
  });

  it("puts each message under its field for a bad slug, URL and lapse", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/badges/new", {
      ...goodBadge,
      slug: "Lathe Skills",
      criteriaUrl: "javascript:alert(1)",
      lapseUnusedMonths: "often",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-slug-error"');
    expect(html).toContain("lower-case words joined by dashes");
    expect(html).toContain('id="f-criteriaUrl-error"');
    expect(html).toContain("starting with http:// or https://");
    expect(html).toContain('id="f-lapseUnusedMonths-error"');
    expect(html).toContain('value="Lathe Skills"');
  });

  it("refuses lapse months written as 1e1, which was read as 10", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/badges/new", {
      ...goodBadge,
      lapseUnusedMonths: "1e1",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="f-lapseUnusedMonths-error"');
    expect(badgeRow(t, goodBadge.slug)).toBeUndefined();
  });

  it("says what to write when the validity field is missing, not zod's 'Invalid input'", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const { validity: _, ...withoutValidity } = goodBadge;

    const res = await admin.post("/admin/badges/new", withoutValidity);

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-validity-error"');
    expect(html).not.toContain("Invalid input");
  });

  it("refuses a duplicate slug with the values kept and nothing written", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeBadge(t.db, { slug: goodBadge.slug, name: "The first one" });

    const res = await admin.post("/admin/badges/new", {
      ...goodBadge,
      name: "A second one",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      "A badge with the slug &quot;lathe-intermediate-skills&quot; already exists",
    );
    expect(html).toContain('value="A second one"');
    expect(t.db.select().from(badges).all()).toHaveLength(1);
    expect(auditRows(t, "badge.create")).toHaveLength(0);
  });

  it("refuses a staff member as assessor", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const staff = await createUser(t.db, "staff");

    const res = await admin.post("/admin/badges/new", {
      ...goodBadge,
      assessors: String(staff.id),
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Pick assessors from the list");
    expect(badgeRow(t, goodBadge.slug)).toBeUndefined();
  });

  it("offers only supervisors and admins as assessors, in a fieldset", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    await createUser(t.db, "supervisor", { name: "Sam Supervisor" });
    await createUser(t.db, "staff", { name: "Stu Staff" });

    const res = await admin.get("/admin/badges/new");

    const html = await res.text();
    expect(html).toContain("<legend>Assessors</legend>");
    expect(html).toContain("Sam Supervisor");
    expect(html).not.toContain("Stu Staff");
  });
});

describe("editing and archiving a badge", () => {
  it("edits a badge, keeps its slug, and audits before and after", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const badge = makeBadge(t.db, { slug: "mill-basics", name: "Mill" });

    const res = await admin.post("/admin/badges/mill-basics/edit", {
      ...goodBadge,
      slug: "ignored-slug",
      name: "Mill Basics",
      validity: "never",
    });

    expect(res.status).toBe(303);
    expect(badgeRow(t, "mill-basics")).toMatchObject({
      id: badge.id,
      name: "Mill Basics",
      validityKind: "never",
    });
    expect(badgeRow(t, "ignored-slug")).toBeUndefined();
    const [audit] = auditRows(t, "badge.update");
    expect(audit!.before).toMatchObject({ name: "Mill" });
    expect(audit!.after).toMatchObject({ name: "Mill Basics" });
  });

  it("fills the edit form with the badge's validity as typed", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeBadge(t.db, {
      slug: "tig-weld",
      validityKind: "annual",
      validityAnnual: "08-31",
    });

    const res = await admin.get("/admin/badges/tig-weld/edit");

    expect(res.status).toBe(200);
    expect(await res.text()).toContain('value="annual 08-31"');
  });

  it("archives and unarchives a badge with audit rows", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeBadge(t.db, { slug: "old-lathe" });

    const archived = await admin.post("/admin/badges/old-lathe/archive", {});
    const archivedRow = badgeRow(t, "old-lathe");
    const restored = await admin.post("/admin/badges/old-lathe/unarchive", {});

    expect(archived.status).toBe(303);
    expect(archivedRow!.archived).toBe(true);
    expect(restored.status).toBe(303);
    expect(badgeRow(t, "old-lathe")!.archived).toBe(false);
    expect(auditRows(t, "badge.archive")).toHaveLength(1);
    expect(auditRows(t, "badge.unarchive")).toHaveLength(1);
  });

  it("shows a 404 page for an unknown badge", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const edit = await admin.get("/admin/badges/no-such-badge/edit");
    const archive = await admin.post("/admin/badges/no-such-badge/archive", {});

    expect(edit.status).toBe(404);
    expect(await edit.text()).toContain("There is no badge");
    expect(archive.status).toBe(404);
  });
});

describe("badge permissions", () => {
  it("refuses staff and supervisors every badge change", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const supervisor = await signIn(t, "supervisor");
    makeBadge(t.db, { slug: "shop-safety" });

    const responses = [
      await staff.get("/admin/badges/new"),
      await staff.post("/admin/badges/new", goodBadge),
      await supervisor.post("/admin/badges/shop-safety/edit", goodBadge),
      await supervisor.post("/admin/badges/shop-safety/archive", {}),
    ];

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(badgeRow(t, goodBadge.slug)).toBeUndefined();
    expect(badgeRow(t, "shop-safety")!.archived).toBe(false);
  });
});
