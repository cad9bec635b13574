import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";

describe("the public badge catalog", () => {
  it("lists the badges still awarded, grouped by track, without a login", async () => {
    const t = createTestApp();
    makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
    makeBadge(t.db, {
      slug: "mig-intro",
      name: "MIG Welding Introduction",
      track: "welding-mig",
    });
    makeBadge(t.db, { slug: "old-one", name: "Retired Badge", archived: true });

    const res = await t.app.request("/badges");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2 id="track-shop-safety">Shop Safety</h2>');
    expect(html).toContain('<h2 id="track-welding-mig">Welding MIG</h2>');
    expect(html).toContain('href="/badges/mig-intro"');
    expect(html).not.toContain("Retired Badge");
  });

  it("shows what a badge claims, its criteria, the microcourse and how long it stays valid", async () => {
    const t = createTestApp();
    makeBadge(t.db, {
      slug: "lathe-intermediate-skills",
      name: "Lathe Intermediate Skills",
      track: "lathe",
      type: "skills",
      level: "intermediate",
      description: "Turns parts to 0.05 mm on a manual lathe.",
      criteria: "Complete the microcourse and a supervised part.",
      criteriaUrl: "https://moodle.example/course/42",
      validityKind: "annual",
      validityAnnual: "08-31",
    });

    const res = await t.app.request("/badges/lathe-intermediate-skills");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Lathe Intermediate Skills</h1>");
    expect(html).toContain("Intermediate skills");
    expect(html).toContain("Turns parts to 0.05 mm on a manual lathe.");
    expect(html).toContain("Complete the microcourse and a supervised part.");
    expect(html).toContain('href="https://moodle.example/course/42"');
    expect(html).toContain(
      "Valid until the next August 31 after it is awarded",
    );
  });

  it("names the machines a badge unlocks, on its own, with other badges, or by supersession", async () => {
    const t = createTestApp();
    makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
    makeBadge(t.db, {
      slug: "lathe-int",
      name: "Lathe Intermediate Skills",
      track: "lathe",
      type: "skills",
      level: "intermediate",
    });
    makeBadge(t.db, {
      slug: "lathe-adv",
      name: "Lathe Advanced Skills",
      track: "lathe",
      type: "skills",
      level: "advanced",
    });
    makeMachine(t.db, {
      name: "Manual Lathe",
      code: "LATHE-01",
      requirement: "shop-safety & lathe-int",
    });
    makeMachine(t.db, {
      name: "Bench Lathe",
      code: "LATHE-02",
      requirement: "lathe-int | lathe-adv",
    });
    makeMachine(t.db, { name: "Band Saw", requirement: "shop-safety" });

    const res = await t.app.request("/badges/lathe-adv");

    const html = await res.text();
    expect(html).toMatch(/Manual Lathe.*together with Shop Safety/s);
    expect(html).toMatch(/Bench Lathe.*on its own/s);
    expect(html).not.toContain("Band Saw");
  });

  it("counts only current holders", async () => {
    const t = createTestApp();
    const badge = makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
    makeAward(t.db, { badgeId: badge.id });
    makeAward(t.db, { badgeId: badge.id, expiresOn: addDays(today(), 5) });
    makeAward(t.db, { badgeId: badge.id, expiresOn: "2025-02-01" });
    makeAward(t.db, { badgeId: badge.id, revokedAt: new Date("2025-03-01") });
    const inactive = makeStudent(t.db, { status: "inactive" });
    makeAward(t.db, { badgeId: badge.id, studentId: inactive.id });

    const res = await t.app.request("/badges/shop-safety");

    expect(await res.text()).toMatch(/Current holders<\/dt><dd>2<\/dd>/);
  });

  it("says an archived badge is archived", async () => {
    const t = createTestApp();
    makeBadge(t.db, { slug: "old-one", name: "Retired Badge", archived: true });

    const res = await t.app.request("/badges/old-one");

    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Archived: no longer awarded");
  });

  it("answers an unknown or malformed slug with a 404", async () => {
    const t = createTestApp();

    const unknown = await t.app.request("/badges/no-such-badge");
    const malformed = await t.app.request("/badges/Not%20A%20Slug");

    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
  });

  it("contains no student data at all", async () => {
    const t = createTestApp();
    const badge = makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
    const student = makeStudent(t.db, {
      firstName: "Quentin",
      lastName: "Zabriskie",
      number: "S777777",
      email: "quentin@uni.test",
    });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: badge.id,
      assessorName: "Assessor Hortensia",
      evidence: "https://evidence.example/weld-video",
    });
    makeHold(t.db, { studentId: student.id, reason: "Unpaid lab fee 4711" });
    makeMachine(t.db, { requirement: "shop-safety" });

    const pages = [
      await (await t.app.request("/badges")).text(),
      await (await t.app.request("/badges/shop-safety")).text(),
    ];

    for (const html of pages) {
      for (const secret of [
        "Quentin",
        "Zabriskie",
        "S777777",
        "quentin@uni.test",
        "Hortensia",
        "evidence.example",
        "Unpaid lab fee",
      ]) {
        expect(html).not.toContain(secret);
      }
    }
  });
});
