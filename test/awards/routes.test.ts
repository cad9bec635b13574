import { describe, expect, it } from "vitest";
import { auditLog, awards, badgeAssessors } from "../../src/db/schema";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import { makeBadge, makeStudent } from "../support/factories";

function awardForm(
  badgeId: number,
  assessorId: number,
  overrides: Record<string, string> = {},
) {
  return {
    badgeId: String(badgeId),
    issuedOn: "2025-09-01",
    expiresOn: "",
    assessorId: String(assessorId),
    evidence: "Passed the practical",
    ...overrides,
  };
}

describe("awarding a badge", () => {
  it("records the award with the badge's default expiry and an audit row", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db, {
      validityKind: "annual",
      validityAnnual: "08-31",
    });

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id),
    );

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/students/S1");
    const award = t.db.select().from(awards).get()!;
    expect(award.expiresOn).toBe("2026-08-31");
    expect(award.assessorId).toBe(supervisor.id);
    expect(award.createdBy).toBe(supervisor.id);
    expect(award.evidence).toBe("Passed the practical");
    const audit = t.db.select().from(auditLog).get()!;
    expect(audit.action).toBe("award.create");
    expect(audit.entityId).toBe(String(award.id));
  });

  it("keeps an expiry date given on the form", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db);

    await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id, { expiresOn: "2026-01-31" }),
    );

    expect(t.db.select().from(awards).get()!.expiresOn).toBe("2026-01-31");
  });

  it("does not let staff award a badge", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db);

    const page = await staff.get("/students/S1/awards/new");
    const post = await staff.post(
      "/students/S1/awards/new",
      awardForm(badge.id, staff.id),
    );

    expect(page.status).toBe(403);
    expect(post.status).toBe(403);
    expect(t.db.select().from(awards).all()).toHaveLength(0);
  });

  it("offers today and the acting user as defaults", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    makeBadge(t.db, { name: "Lathe Skills" });
    makeBadge(t.db, { name: "Old Badge", archived: true });

    const html = await (await supervisor.get("/students/S1/awards/new")).text();

    expect(html).toContain(`value="${today()}"`);
    expect(html).toContain(`<option value="${supervisor.id}" selected="">`);
    expect(html).toContain("Lathe Skills");
    expect(html).not.toContain("Old Badge");
  });

  it("refuses an issue date in the future and keeps what was entered", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db);
    const tomorrow = addDays(today(), 1);

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id, { issuedOn: tomorrow }),
    );

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("The issue date cannot be in the future");
    expect(html).toContain(`value="${tomorrow}"`);
    expect(html).toContain("Passed the practical");
    expect(t.db.select().from(awards).all()).toHaveLength(0);
  });

  it("refuses an issue date in year 0000, which was saved with the expiry 1-08-0131", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db, {
      validityKind: "annual",
      validityAnnual: "08-31",
    });

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id, { issuedOn: "0000-01-01" }),
    );

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Write the issue date as YYYY-MM-DD");
    expect(html).toContain('value="0000-01-01"');
    expect(t.db.select().from(awards).all()).toHaveLength(0);
  });

  it("refuses an expiry that is not after the issue date", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db);

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id, { expiresOn: "2025-09-01" }),
    );

    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      "The expiry date must be after the issue date",
    );
  });

  it("asks for a badge when none is chosen", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(0, supervisor.id, { badgeId: "" }),
    );

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose a badge");
  });

  it("refuses an archived badge", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db, { archived: true });

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id),
    );

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("not archived");
  });

  it("answers 404 for an unknown student", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");

    const res = await supervisor.get("/students/NOPE/awards/new");

    expect(res.status).toBe(404);
  });

  it("shows the default expiry for the chosen badge and date", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db, {
      name: "Mill Skills",
      validityKind: "months",
      validityMonths: 24,
    });

    const res = await supervisor.get(
      `/students/S1/awards/expiry?badgeId=${badge.id}&issuedOn=2025-03-10`,
      { "HX-Request": "true" },
    );

    expect(res.status).toBe(200);
    expect(await res.text()).toContain("2027-03-10");
  });
});

describe("assessor authority", () => {
  async function badgeWithAssessor() {
    const t = createTestApp();
    const assessor = await signIn(t, "supervisor");
    const other = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db, { name: "TIG Welding" });
    t.db
      .insert(badgeAssessors)
      .values({ badgeId: badge.id, userId: assessor.id })
      .run();
    return { t, assessor, other, badge };
  }

  it("lets a listed assessor award the badge", async () => {
    const { t, assessor, badge } = await badgeWithAssessor();

    const res = await assessor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, assessor.id),
    );

    expect(res.status).toBe(303);
    expect(t.db.select().from(awards).all()).toHaveLength(1);
  });

  it("refuses a supervisor who is not a listed assessor, naming why", async () => {
    const { t, assessor, other, badge } = await badgeWithAssessor();

    const res = await other.post(
      "/students/S1/awards/new",
      awardForm(badge.id, assessor.id),
    );

    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Only TIG Welding&#39;s assessors");
    expect(html).toContain(assessor.name);
    expect(t.db.select().from(awards).all()).toHaveLength(0);
  });

  it("refuses to name an assessor who is not listed", async () => {
    const { t, assessor, other, badge } = await badgeWithAssessor();

    const res = await assessor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, other.id),
    );

    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`${other.name} may not sign off`);
    expect(t.db.select().from(awards).all()).toHaveLength(0);
  });

  it("lets an admin record the award for a listed assessor", async () => {
    const { t, assessor, badge } = await badgeWithAssessor();
    const admin = await signIn(t, "admin");

    const res = await admin.post(
      "/students/S1/awards/new",
      awardForm(badge.id, assessor.id),
    );

    expect(res.status).toBe(303);
    const award = t.db.select().from(awards).get()!;
    expect(award.assessorId).toBe(assessor.id);
    expect(award.createdBy).toBe(admin.id);
  });
});

describe("the award form's checks", () => {
  it("explains a malformed expiry date and an overlong evidence note", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S1" });
    const badge = makeBadge(t.db, {
      validityKind: "months",
      validityMonths: 12,
    });

    const res = await supervisor.post(
      "/students/S1/awards/new",
      awardForm(badge.id, supervisor.id, {
        issuedOn: "not a date",
        expiresOn: "2025-02-30",
        evidence: "x".repeat(2001),
      }),
    );

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Write the issue date as YYYY-MM-DD");
    expect(html).toContain("Write the expiry date as YYYY-MM-DD");
    expect(html).toContain("Keep the evidence under 2,000 characters");
    expect(html).toContain('value="2025-02-30"');
  });
});
