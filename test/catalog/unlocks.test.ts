import { describe, expect, it } from "vitest";
import { parseRequirement } from "../../src/clearance/requirement";
import type { BadgeInfo, MachineInfo } from "../../src/clearance/types";
import { machinesUnlockedBy, residual } from "../../src/catalog/unlocks";

function badge(
  slug: string,
  track: string,
  type: BadgeInfo["type"],
  level: BadgeInfo["level"],
): BadgeInfo {
  return {
    id: slug.length,
    slug,
    name: slug,
    track,
    type,
    level,
    validityKind: "never",
    validityMonths: null,
    validityAnnual: null,
    lapseUnusedMonths: null,
    criteriaUrl: null,
    archived: false,
  };
}

function machine(id: number, requirement: string): MachineInfo {
  return {
    id,
    code: `M-${id}`,
    name: `Machine ${id}`,
    area: "Machine Shop",
    inService: true,
    outOfServiceReason: null,
    capacity: 1,
    requirement: parseRequirement(requirement),
  };
}

describe("residual", () => {
  it("is true when the badge alone meets the requirement", () => {
    const req = parseRequirement("a | b")!;

    expect(residual(req, new Set(["a"]))).toBe(true);
  });

  it("leaves the other side of an and", () => {
    const req = parseRequirement("a & (b | c)")!;

    expect(residual(req, new Set(["b"]))).toEqual({ kind: "badge", slug: "a" });
  });

  it("keeps what is still open of several ands", () => {
    const req = parseRequirement("a & b & c")!;

    expect(residual(req, new Set(["b"]))).toEqual({
      kind: "and",
      items: [
        { kind: "badge", slug: "a" },
        { kind: "badge", slug: "c" },
      ],
    });
  });
});

describe("machinesUnlockedBy", () => {
  const safety = badge(
    "shop-safety",
    "shop-safety",
    "knowledge",
    "introductory",
  );
  const latheInt = badge("lathe-int", "lathe", "skills", "intermediate");
  const latheAdv = badge("lathe-adv", "lathe", "skills", "advanced");
  const latheKnowAdv = badge(
    "lathe-know-adv",
    "lathe",
    "knowledge",
    "advanced",
  );
  const bySlug = new Map(
    [safety, latheInt, latheAdv, latheKnowAdv].map((b) => [b.slug, b]),
  );

  it("finds machines through a higher badge of the same track", () => {
    const machines = [machine(1, "shop-safety & lathe-int")];

    const unlocks = machinesUnlockedBy(latheAdv, machines, bySlug);

    expect(unlocks).toHaveLength(1);
    expect(unlocks[0]!.together).toEqual({
      kind: "badge",
      slug: "shop-safety",
    });
  });

  it("does not count a badge of a lower type as superseding", () => {
    const machines = [machine(1, "lathe-int")];

    const unlocks = machinesUnlockedBy(latheKnowAdv, machines, bySlug);

    expect(unlocks).toEqual([]);
  });

  it("skips machines that need no badge or other badges only", () => {
    const machines = [machine(1, ""), machine(2, "lathe-int")];

    const unlocks = machinesUnlockedBy(safety, machines, bySlug);

    expect(unlocks).toEqual([]);
  });
});
