import { describe, expect, it } from "vitest";
import {
  awardStatus,
  computeExpiry,
  lapsesOn,
  supersedes,
} from "../../src/clearance/rules";
import type { BadgeInfo } from "../../src/clearance/types";
import { BADGE_LEVELS, BADGE_TYPES } from "../../src/db/schema";
import { award, badge, input, machine, shopBadges } from "./rules-input";

describe("supersedes", () => {
  const b = shopBadges();

  it("lets lathe advanced skills satisfy lathe intermediate skills and knowledge", () => {
    expect(supersedes(b.latheAdvSkills, b.latheIntSkills)).toBe(true);
    expect(supersedes(b.latheAdvSkills, b.latheIntKnowledge)).toBe(true);
  });

  it("does not let lathe advanced knowledge satisfy lathe introductory skills", () => {
    expect(supersedes(b.latheAdvKnowledge, b.latheIntroSkills)).toBe(false);
  });

  it("lets a badge satisfy itself", () => {
    for (const one of Object.values(b)) expect(supersedes(one, one)).toBe(true);
  });

  it("never crosses tracks, whatever the type and level", () => {
    const mig = { ...b.latheAdvSkills, track: "welding-mig" };

    expect(supersedes(mig, b.latheIntroSkills)).toBe(false);
    expect(supersedes(b.latheAdvSkills, b.migIntro)).toBe(false);
  });

  it("needs both type and level at least as high, for every pair", () => {
    const all = BADGE_TYPES.flatMap((type, t) =>
      BADGE_LEVELS.map((level, l) => ({ track: "mill", type, level, t, l })),
    );

    for (const held of all) {
      for (const required of all) {
        const expected = held.t >= required.t && held.l >= required.l;

        expect(
          supersedes(held, required),
          JSON.stringify([held, required]),
        ).toBe(expected);
      }
    }
  });
});

describe("computeExpiry", () => {
  const rule = (fields: Partial<BadgeInfo>) =>
    badge("x", {
      track: "t",
      type: "knowledge",
      level: "introductory",
      ...fields,
    });

  it("gives no expiry for a badge that never expires", () => {
    expect(computeExpiry(rule({}), "2026-05-01")).toBeNull();
  });

  it("adds months to the issue day", () => {
    const months = rule({ validityKind: "months", validityMonths: 12 });

    expect(computeExpiry(months, "2026-01-15")).toBe("2027-01-15");
  });

  it("clamps months to the end of a shorter month", () => {
    const one = rule({ validityKind: "months", validityMonths: 1 });

    expect(computeExpiry(one, "2026-01-31")).toBe("2026-02-28");
    expect(computeExpiry(one, "2028-01-31")).toBe("2028-02-29");
    expect(computeExpiry(one, "2026-03-31")).toBe("2026-04-30");
  });

  it("gives the first yearly day strictly after the issue day", () => {
    const annual = rule({ validityKind: "annual", validityAnnual: "08-31" });

    expect(computeExpiry(annual, "2026-03-01")).toBe("2026-08-31");
    expect(computeExpiry(annual, "2026-08-30")).toBe("2026-08-31");
    expect(computeExpiry(annual, "2026-08-31")).toBe("2027-08-31");
    expect(computeExpiry(annual, "2026-09-01")).toBe("2027-08-31");
  });

  it("treats a yearly 02-29 as 02-28 in common years", () => {
    const leap = rule({ validityKind: "annual", validityAnnual: "02-29" });

    expect(computeExpiry(leap, "2026-01-10")).toBe("2026-02-28");
    expect(computeExpiry(leap, "2026-02-28")).toBe("2027-02-28");
    expect(computeExpiry(leap, "2027-03-01")).toBe("2028-02-29");
    expect(computeExpiry(leap, "2028-02-29")).toBe("2029-02-28");
  });

  it("handles a yearly day at the turn of the year", () => {
    const newYear = rule({ validityKind: "annual", validityAnnual: "01-01" });

    expect(computeExpiry(newYear, "2026-12-31")).toBe("2027-01-01");
    expect(computeExpiry(newYear, "2027-01-01")).toBe("2028-01-01");
  });
});

describe("awardStatus", () => {
  const b = shopBadges();
  const at = "2026-06-01";
  const statusOf = (fields: Parameters<typeof award>[1]) =>
    awardStatus(
      award(b.safety, fields),
      b.safety,
      input({ at, badges: [b.safety] }),
    );

  it("is current without an expiry", () => {
    expect(statusOf({})).toBe("current");
  });

  it("is current when the expiry is more than 30 days away", () => {
    expect(statusOf({ expiresOn: "2026-07-02" })).toBe("current");
  });

  it("is expiring within 30 days, up to and including the expiry day", () => {
    expect(statusOf({ expiresOn: "2026-07-01" })).toBe("expiring");
    expect(statusOf({ expiresOn: at })).toBe("expiring");
  });

  it("is expired from the day after its expiry", () => {
    expect(statusOf({ expiresOn: "2026-05-31" })).toBe("expired");
  });

  it("is revoked from the local day of the revocation", () => {
    expect(statusOf({ revokedAt: new Date(2026, 5, 1, 23, 59) })).toBe(
      "revoked",
    );
    expect(statusOf({ revokedAt: new Date(2026, 5, 2, 0, 1) })).toBe("current");
  });

  it("puts revoked before expired", () => {
    const both = { expiresOn: "2026-01-01", revokedAt: new Date(2026, 0, 5) };

    expect(statusOf(both)).toBe("revoked");
  });
});

describe("the lapse rule", () => {
  const b = shopBadges();
  const welder = machine("shop-safety & welding-mig-introductory-skills");
  const lathe = machine("lathe-intermediate-skills");
  const mig = award(b.mig, { issuedOn: "2026-01-10" });
  const at = (day: string, lastUse: Parameters<typeof input>[0]["lastUse"]) =>
    input({
      at: day,
      badges: Object.values(b),
      awards: [mig],
      machines: [welder, lathe],
      lastUse,
    });

  it("counts months from the last use of a machine the badge supersedes for", () => {
    const state = at("2026-10-01", [[welder, "2026-04-01"]]);

    expect(lapsesOn(mig, b.mig, state)).toBe("2026-10-01");
    expect(awardStatus(mig, b.mig, state)).toBe("current");
    expect(awardStatus(mig, b.mig, { ...state, at: "2026-10-02" })).toBe(
      "lapsed-unused",
    );
  });

  it("counts from the issue day when the machine was never used", () => {
    const state = at("2026-07-11", []);

    expect(lapsesOn(mig, b.mig, state)).toBe("2026-07-10");
    expect(awardStatus(mig, b.mig, state)).toBe("lapsed-unused");
  });

  it("counts from the issue day when the last use came before it", () => {
    const state = at("2026-07-01", [[welder, "2025-12-01"]]);

    expect(lapsesOn(mig, b.mig, state)).toBe("2026-07-10");
  });

  it("ignores use of machines that do not need the badge", () => {
    const state = at("2026-08-01", [[lathe, "2026-07-30"]]);

    expect(awardStatus(mig, b.mig, state)).toBe("lapsed-unused");
  });

  it("gives no lapse day to a badge without the rule", () => {
    const safety = award(b.safety);

    expect(lapsesOn(safety, b.safety, at("2030-01-01", []))).toBeNull();
  });

  it("puts expired before lapsed", () => {
    const old = award(b.mig, {
      issuedOn: "2025-01-01",
      expiresOn: "2025-03-01",
    });
    const state = input({ at: "2026-01-01", badges: [b.mig], awards: [old] });

    expect(awardStatus(old, b.mig, state)).toBe("expired");
  });
});
