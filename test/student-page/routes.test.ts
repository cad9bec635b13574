import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  currentCredentialToken,
  replaceCredential,
} from "../../src/credentials/service";
import { machineSessions } from "../../src/db/schema";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, type TestApp } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";

function tokenOf(t: TestApp, studentId: number) {
  return currentCredentialToken(t.db, t.config, studentId);
}

function addSession(
  t: TestApp,
  row: { studentId: number; machineId: number; startedAt: Date },
) {
  t.db
    .insert(machineSessions)
    .values({
      id: randomUUID(),
      ...row,
      endedAt: new Date(row.startedAt.getTime() + 3_600_000),
      endKind: "scan",
    })
    .run();
}

describe("the student's own page", () => {
  it("shows the student's name, each badge with its status, and the machines by area", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db, {
      firstName: "Maya",
      lastName: "Okafor",
    });
    const safety = makeBadge(t.db, {
      slug: "shop-safety",
      name: "Shop Safety",
    });
    const lathe = makeBadge(t.db, {
      slug: "lathe-skills",
      name: "Lathe Skills",
      track: "lathe",
      type: "skills",
    });
    const mig = makeBadge(t.db, {
      slug: "mig-skills",
      name: "MIG Skills",
      track: "welding-mig",
    });
    const tig = makeBadge(t.db, { slug: "tig", name: "TIG", track: "tig" });
    makeAward(t.db, { studentId: student.id, badgeId: safety.id });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: lathe.id,
      expiresOn: addDays(today(), 10),
    });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: mig.id,
      expiresOn: "2025-06-30",
    });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: tig.id,
      revokedAt: new Date("2025-03-01T12:00:00"),
    });
    makeMachine(t.db, {
      name: "Big Lathe",
      area: "Machine Shop",
      requirement: "shop-safety & lathe-skills",
    });
    makeMachine(t.db, {
      name: "MIG Welder",
      area: "Welding Bay",
      requirement: "shop-safety & mig-skills",
    });
    makeMachine(t.db, {
      name: "Mill",
      area: "Machine Shop",
      requirement: "shop-safety & mill-basics",
    });
    makeBadge(t.db, {
      slug: "mill-basics",
      name: "Mill Basics",
      track: "mill",
    });

    const res = await t.app.request(`/s/${tokenOf(t, student.id)}`);

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Maya Okafor</h1>");
    expect(html).toMatch(/Shop Safety<\/a>.*Current/s);
    expect(html).toContain("Expiring soon");
    expect(html).toContain("Expired");
    expect(html).toMatch(/Revoked<\/dt><dd>2025-03-01<\/dd>/);
    expect(html).toContain("Introductory skills");
    expect(html.indexOf("Machine Shop")).toBeLessThan(
      html.indexOf("Welding Bay"),
    );
    expect(html).toMatch(/Big Lathe.*Cleared/s);
    expect(html).toMatch(
      /MIG Welder.*Not cleared.*MIG Skills expired on 2025-06-30/s,
    );
    expect(html).toContain('href="/badges/mig-skills">How to renew it</a>');
    expect(html).toContain('href="/badges/mill-basics">How to earn it</a>');
  });

  it("lists the ten most recent sessions, newest first", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db);
    const machine = makeMachine(t.db, { name: "Drill Press" });
    for (let i = 1; i <= 12; i += 1) {
      const startedAt = new Date(2025, 0, i, 9, 0);
      addSession(t, {
        studentId: student.id,
        machineId: machine.id,
        startedAt,
      });
    }

    const res = await t.app.request(`/s/${tokenOf(t, student.id)}`);

    const html = await res.text();
    const shown = html.match(/2025-01-\d\d 09:00 - 10:00/g) ?? [];
    expect(shown).toHaveLength(10);
    expect(shown[0]).toBe("2025-01-12 09:00 - 10:00");
    expect(html).not.toContain("2025-01-02 09:00");
  });

  it("never shows another student, assessors, evidence, or why a hold or revocation happened", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db, {
      firstName: "Maya",
      lastName: "Okafor",
    });
    const other = makeStudent(t.db, {
      firstName: "Quentin",
      lastName: "Zabriskie",
      number: "S777777",
      email: "quentin@uni.test",
    });
    const badge = makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
    const lathe = makeBadge(t.db, {
      slug: "lathe",
      name: "Lathe",
      track: "lathe",
    });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: badge.id,
      assessorName: "Assessor Hortensia",
      evidence: "https://evidence.example/weld-video",
    });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: lathe.id,
      revokedAt: new Date("2025-03-01T12:00:00"),
      revokeReason: "Left the chuck key in the chuck",
    });
    makeAward(t.db, { studentId: other.id, badgeId: badge.id });
    makeHold(t.db, { studentId: student.id, reason: "Unpaid lab fee 4711" });
    const machine = makeMachine(t.db, { requirement: "shop-safety" });
    addSession(t, {
      studentId: other.id,
      machineId: machine.id,
      startedAt: new Date(2025, 4, 5, 10, 0),
    });

    const res = await t.app.request(`/s/${tokenOf(t, student.id)}`);

    const html = await res.text();
    expect(html).toContain("A hold was placed - see shop staff");
    for (const secret of [
      "Quentin",
      "Zabriskie",
      "S777777",
      "quentin@uni.test",
      student.number,
      student.email,
      "Hortensia",
      "evidence.example",
      "chuck key",
      "Unpaid lab fee",
      "2025-05-05",
    ]) {
      expect(html).not.toContain(secret);
    }
  });

  it("is marked noindex, not cached, and sends no referrer", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db);

    const res = await t.app.request(`/s/${tokenOf(t, student.id)}`);

    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await res.text()).toMatch(/<meta name="robots" content="noindex/);
  });

  it("answers an unknown token with the same plain 404 page as any unknown address", async () => {
    const t = createTestApp();
    const unknown = "A".repeat(43);

    const res = await t.app.request(`/s/${unknown}`);
    const nowhere = await t.app.request("/no/such/page");

    expect(res.status).toBe(404);
    // the CSRF token in the page differs per request
    const strip = (html: string) => html.replace(/X-CSRF-Token[^}]*/, "");
    expect(strip(await res.text())).toBe(strip(await nowhere.text()));
  });

  it("answers a malformed token with a 404", async () => {
    const t = createTestApp();

    const res = await t.app.request("/s/short");

    expect(res.status).toBe(404);
  });

  it("stops answering the old link as soon as the card is replaced", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db);
    const old = tokenOf(t, student.id);
    replaceCredential(t.db, t.config, { kind: "cli" }, student.id);

    const res = await t.app.request(`/s/${old}`);
    const fresh = await t.app.request(`/s/${tokenOf(t, student.id)}`);

    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(student.lastName);
    expect(fresh.status).toBe(200);
  });
});

describe("the rate limit on secret links", () => {
  it("refuses the request after the limit within a minute with 429 and Retry-After", async () => {
    const t = createTestApp({ studentPageRateLimit: 3 });
    const student = makeStudent(t.db);
    const path = `/s/${tokenOf(t, student.id)}`;

    const allowed = [];
    for (let i = 0; i < 3; i += 1)
      allowed.push((await t.app.request(path)).status);
    const refused = await t.app.request(path);

    expect(allowed).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const html = await refused.text();
    expect(html).toContain("Too many requests");
    expect(html).not.toContain(student.lastName);
  });

  it("counts guesses at unknown links and the card page against the same limit", async () => {
    const t = createTestApp({ studentPageRateLimit: 2 });
    const student = makeStudent(t.db);

    await t.app.request(`/s/${"B".repeat(43)}`);
    await t.app.request(`/s/${tokenOf(t, student.id)}/card`);
    const res = await t.app.request(`/s/${tokenOf(t, student.id)}`);

    expect(res.status).toBe(429);
  });

  it("keeps the counters of each app apart", async () => {
    const first = createTestApp({ studentPageRateLimit: 1 });
    const second = createTestApp({ studentPageRateLimit: 1 });
    const path = `/s/${"C".repeat(43)}`;
    await first.app.request(path);

    const res = await second.app.request(path);

    expect(res.status).toBe(404);
  });
});
