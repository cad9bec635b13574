import { describe, expect, it } from "vitest";
import { decideClearance } from "../../src/clearance/rules";
import { award, hold, input, machine, shopBadges } from "./rules-input";

const b = shopBadges();
const badges = Object.values(b);
const at = "2026-09-15";
const lathe = machine(
  "shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)",
  { name: "Lathe 2" },
);

describe("decideClearance: the student and the machine", () => {
  it("clears anyone for a machine with no requirement", () => {
    const open = machine("");

    const clearance = decideClearance(input({ at, badges }), open);

    expect(clearance).toEqual({
      machineId: open.id,
      cleared: true,
      reasons: [],
      satisfiedBy: [],
      earliestExpiry: null,
    });
  });

  it("refuses an inactive student", () => {
    const clearance = decideClearance(
      input({ at, badges, status: "inactive" }),
      machine(""),
    );

    expect(clearance.cleared).toBe(false);
    expect(clearance.reasons).toEqual([
      { code: "inactive-student", message: "The student record is not active" },
    ]);
  });

  it("refuses a machine out of service and says why", () => {
    const broken = machine("", {
      name: "Mill 1",
      inService: false,
      outOfServiceReason: "Spindle bearing replaced",
    });

    const clearance = decideClearance(input({ at, badges }), broken);

    expect(clearance.reasons).toEqual([
      {
        code: "out-of-service",
        message: "Mill 1 is out of service: Spindle bearing replaced",
      },
    ]);
  });

  it("gives every reason at once, in a stable order", () => {
    const broken = machine("shop-safety", { inService: false });

    const clearance = decideClearance(
      input({ at, badges, status: "inactive", holds: [hold()] }),
      broken,
    );

    expect(clearance.reasons.map((r) => r.code)).toEqual([
      "inactive-student",
      "out-of-service",
      "hold",
      "missing",
    ]);
    expect(clearance.satisfiedBy).toEqual([]);
  });
});

describe("decideClearance: holds", () => {
  const safe = [award(b.safety), award(b.latheIntSkills)];
  const decide = (h: ReturnType<typeof hold>, m = lathe, day = at) =>
    decideClearance(input({ at: day, badges, awards: safe, holds: [h] }), m);

  it("applies a hold on every machine", () => {
    const clearance = decide(hold({ scope: "all", endsOn: "2026-10-01" }));

    expect(clearance.cleared).toBe(false);
    expect(clearance.reasons).toEqual([
      {
        code: "hold",
        date: "2026-10-01",
        message: "A hold was placed on your use of the shop until 2026-10-01",
        detail: "Left the lathe running unattended",
      },
    ]);
  });

  it("keeps the hold's reason out of the student's message", () => {
    const clearance = decide(hold({ reason: "Private staff note" }));

    expect(clearance.reasons[0]?.message).not.toContain("Private");
    expect(clearance.reasons[0]?.detail).toBe("Private staff note");
  });

  it("applies a machine hold to that machine only", () => {
    const other = machine("shop-safety");
    const h = hold({ scope: "machine", machineId: lathe.id });

    expect(decide(h).reasons[0]?.message).toBe(
      "A hold was placed on your use of this machine",
    );
    expect(decide(h, other).cleared).toBe(true);
  });

  it("applies a track hold to machines that require a badge of that track", () => {
    const mill = machine("shop-safety");
    const h = hold({ scope: "track", track: "lathe" });

    expect(decide(h).reasons[0]?.message).toBe(
      "A hold was placed on your use of lathe machines",
    );
    expect(decide(h, mill).cleared).toBe(true);
  });

  it("does not apply a track hold without a track to an unknown badge", () => {
    const odd = machine("gone-badge");
    const h = hold({ scope: "track", track: null });

    const clearance = decide(h, odd);

    expect(clearance.reasons.map((r) => r.code)).toEqual(["missing"]);
  });

  it("applies a hold from its first day through its last", () => {
    const h = hold({ startsOn: "2026-09-10", endsOn: "2026-09-20" });

    expect(decide(h, lathe, "2026-09-09").cleared).toBe(true);
    expect(decide(h, lathe, "2026-09-10").cleared).toBe(false);
    expect(decide(h, lathe, "2026-09-20").cleared).toBe(false);
    expect(decide(h, lathe, "2026-09-21").cleared).toBe(true);
  });

  it("stops applying a hold from the day it is lifted", () => {
    const h = hold({ liftedAt: new Date(2026, 8, 12, 14, 0) });

    expect(decide(h, lathe, "2026-09-11").cleared).toBe(false);
    expect(decide(h, lathe, "2026-09-12").cleared).toBe(true);
  });
});

describe("decideClearance: the requirement", () => {
  const decide = (awards: ReturnType<typeof award>[], m = lathe, day = at) =>
    decideClearance(input({ at: day, badges, awards }), m);

  it("clears a student holding every required badge and says which awards", () => {
    const safety = award(b.safety);
    const skills = award(b.latheIntSkills, { expiresOn: "2027-08-31" });

    const clearance = decide([safety, skills]);

    expect(clearance.cleared).toBe(true);
    expect(clearance.reasons).toEqual([]);
    expect(clearance.satisfiedBy).toEqual([
      { slug: "shop-safety", awardId: safety.id, badgeId: b.safety.id },
      {
        slug: "lathe-intermediate-skills",
        awardId: skills.id,
        badgeId: b.latheIntSkills.id,
      },
    ]);
    expect(clearance.earliestExpiry).toBe("2027-08-31");
  });

  it("accepts a superseding badge for a required one", () => {
    const advanced = award(b.latheAdvSkills);
    const m = machine("lathe-intermediate-knowledge");

    const clearance = decide([advanced], m);

    expect(clearance.satisfiedBy).toEqual([
      {
        slug: "lathe-intermediate-knowledge",
        awardId: advanced.id,
        badgeId: b.latheAdvSkills.id,
      },
    ]);
  });

  it("does not accept advanced knowledge for introductory skills", () => {
    const m = machine("lathe-introductory-skills");

    const clearance = decide([award(b.latheAdvKnowledge)], m);

    expect(clearance.reasons).toEqual([
      {
        code: "missing",
        badge: "lathe-introductory-skills",
        required: "lathe-introductory-skills",
        message: "Lathe Introductory Skills is missing",
      },
    ]);
  });

  it("reports an expired badge with its date", () => {
    const old = award(b.latheIntSkills, { expiresOn: "2026-08-31" });

    const clearance = decide([award(b.safety), old]);

    expect(clearance.reasons).toContainEqual({
      code: "expired",
      badge: "lathe-intermediate-skills",
      required: "lathe-intermediate-skills",
      date: "2026-08-31",
      message: "Lathe Intermediate Skills expired on 2026-08-31",
    });
  });

  it("reports a revoked badge with its date", () => {
    const revoked = award(b.safety, { revokedAt: new Date(2026, 4, 2, 9) });

    const clearance = decide([revoked, award(b.latheIntSkills)]);

    expect(clearance.reasons).toEqual([
      {
        code: "revoked",
        badge: "shop-safety",
        required: "shop-safety",
        date: "2026-05-02",
        message: "Shop Safety Knowledge was revoked on 2026-05-02",
      },
    ]);
  });

  it("reports a badge lapsed for lack of use", () => {
    const welder = machine("welding-mig-skills");
    const mig = award(b.mig, { issuedOn: "2026-01-01" });
    const state = input({
      at: "2026-10-02",
      badges,
      awards: [mig],
      machines: [welder],
      lastUse: [[welder, "2026-04-01"]],
    });

    const clearance = decideClearance(state, welder);

    expect(clearance.reasons).toEqual([
      {
        code: "lapsed-unused",
        badge: "welding-mig-skills",
        required: "welding-mig-skills",
        date: "2026-10-01",
        message:
          "Welding MIG Skills lapsed on 2026-10-01 after 6 months without use",
      },
    ]);
  });

  it("names the latest loss when several awards failed", () => {
    const m = machine("lathe-intermediate-skills");
    const expired = award(b.latheIntSkills, { expiresOn: "2026-08-31" });
    const revoked = award(b.latheAdvSkills, {
      revokedAt: new Date(2026, 1, 1),
    });

    const clearance = decide([expired, revoked], m);

    expect(clearance.reasons.map((r) => [r.code, r.badge])).toEqual([
      ["expired", "lathe-intermediate-skills"],
    ]);
  });

  it("prefers a current award over a failed one for the same badge", () => {
    const m = machine("shop-safety");
    const renewed = award(b.safety, { issuedOn: "2026-09-01" });
    const old = award(b.safety, { expiresOn: "2026-08-31" });

    const clearance = decide([old, renewed], m);

    expect(clearance.cleared).toBe(true);
    expect(clearance.satisfiedBy[0]?.awardId).toBe(renewed.id);
  });

  it("ignores an award issued after the day asked about", () => {
    const m = machine("shop-safety");

    const clearance = decide([award(b.safety, { issuedOn: "2026-09-16" })], m);

    expect(clearance.reasons[0]?.code).toBe("missing");
  });

  it("reports every option of an unsatisfied choice", () => {
    const expired = award(b.latheIntSkills, { expiresOn: "2026-08-31" });

    const clearance = decide([award(b.safety), expired]);

    expect(clearance.reasons.map((r) => [r.code, r.required])).toEqual([
      ["expired", "lathe-intermediate-skills"],
      ["missing", "lathe-advanced-skills"],
    ]);
  });

  it("reports only the failing parts of a list", () => {
    const clearance = decide([award(b.latheAdvSkills)]);

    expect(clearance.reasons.map((r) => r.message)).toEqual([
      "Shop Safety Knowledge is missing",
    ]);
  });

  it("reports a badge named twice only once", () => {
    const m = machine("shop-safety & (shop-safety | lathe-advanced-skills)");

    const clearance = decide([], m);

    expect(clearance.reasons.map((r) => r.required)).toEqual([
      "shop-safety",
      "lathe-advanced-skills",
    ]);
  });

  it("fails closed on a requirement naming an unknown badge", () => {
    const m = machine("shop-safety & gone-badge");

    const clearance = decide([award(b.safety)], m);

    expect(clearance.reasons).toEqual([
      expect.objectContaining({ code: "missing", badge: "gone-badge" }),
    ]);
  });
});

describe("decideClearance: earliest expiry", () => {
  const decide = (awards: ReturnType<typeof award>[]) =>
    decideClearance(input({ at, badges, awards }), lathe);

  it("is the earliest expiry among the awards used", () => {
    const clearance = decide([
      award(b.safety, { expiresOn: "2026-12-01" }),
      award(b.latheIntSkills, { expiresOn: "2027-03-01" }),
    ]);

    expect(clearance.earliestExpiry).toBe("2026-12-01");
  });

  it("is null when none of the awards used expire", () => {
    const clearance = decide([award(b.safety), award(b.latheIntSkills)]);

    expect(clearance.earliestExpiry).toBeNull();
  });

  it("uses the choice that stays valid longest", () => {
    const soon = award(b.latheIntSkills, { expiresOn: "2026-10-01" });
    const never = award(b.latheAdvSkills);

    const clearance = decide([award(b.safety), soon, never]);

    expect(clearance.earliestExpiry).toBeNull();
    expect(clearance.satisfiedBy.map((s) => s.awardId)).toContain(never.id);
    expect(clearance.satisfiedBy.map((s) => s.awardId)).not.toContain(soon.id);
  });

  it("uses the longest-lasting award for one badge", () => {
    const m = machine("lathe-intermediate-skills");
    const short = award(b.latheIntSkills, { expiresOn: "2026-10-01" });
    const long = award(b.latheAdvSkills, { expiresOn: "2027-10-01" });

    const clearance = decideClearance(
      input({ at, badges, awards: [short, long] }),
      m,
    );

    expect(clearance.satisfiedBy[0]?.awardId).toBe(long.id);
    expect(clearance.earliestExpiry).toBe("2027-10-01");
  });

  it("counts an expiring award as still satisfying", () => {
    const clearance = decide([
      award(b.safety, { expiresOn: at }),
      award(b.latheIntSkills),
    ]);

    expect(clearance.cleared).toBe(true);
    expect(clearance.earliestExpiry).toBe(at);
  });
});
