// Plain-data builders for the pure rules: no database needed.
import { parseRequirement } from "../../src/clearance/requirement";
import type {
  AwardInfo,
  BadgeInfo,
  ClearanceInput,
  HoldInfo,
  MachineInfo,
} from "../../src/clearance/types";
import type { Day } from "../../src/lib/dates";

let seq = 0;

export function badge(
  slug: string,
  fields: Partial<BadgeInfo> & Pick<BadgeInfo, "track" | "type" | "level">,
): BadgeInfo {
  return {
    id: ++seq,
    slug,
    name: slug,
    validityKind: "never",
    validityMonths: null,
    validityAnnual: null,
    lapseUnusedMonths: null,
    criteriaUrl: null,
    archived: false,
    ...fields,
  };
}

/** The shop's usual badges, named as people see them. */
export function shopBadges() {
  return {
    safety: badge("shop-safety", {
      name: "Shop Safety Knowledge",
      track: "shop-safety",
      type: "knowledge",
      level: "introductory",
    }),
    latheIntroSkills: badge("lathe-introductory-skills", {
      name: "Lathe Introductory Skills",
      track: "lathe",
      type: "skills",
      level: "introductory",
    }),
    latheIntKnowledge: badge("lathe-intermediate-knowledge", {
      name: "Lathe Intermediate Knowledge",
      track: "lathe",
      type: "knowledge",
      level: "intermediate",
    }),
    latheIntSkills: badge("lathe-intermediate-skills", {
      name: "Lathe Intermediate Skills",
      track: "lathe",
      type: "skills",
      level: "intermediate",
    }),
    latheAdvKnowledge: badge("lathe-advanced-knowledge", {
      name: "Lathe Advanced Knowledge",
      track: "lathe",
      type: "knowledge",
      level: "advanced",
    }),
    latheAdvSkills: badge("lathe-advanced-skills", {
      name: "Lathe Advanced Skills",
      track: "lathe",
      type: "skills",
      level: "advanced",
    }),
    migIntro: badge("welding-mig-introductory-skills", {
      name: "Welding MIG Introductory Skills",
      track: "welding-mig",
      type: "skills",
      level: "introductory",
    }),
    mig: badge("welding-mig-skills", {
      name: "Welding MIG Skills",
      track: "welding-mig",
      type: "skills",
      level: "intermediate",
      lapseUnusedMonths: 6,
    }),
  };
}

export function award(
  b: BadgeInfo,
  fields: Partial<AwardInfo> = {},
): AwardInfo {
  return {
    id: ++seq,
    badgeId: b.id,
    issuedOn: "2026-01-15",
    expiresOn: null,
    revokedAt: null,
    revokeReason: null,
    ...fields,
  };
}

export function machine(
  requirement: string,
  fields: Partial<MachineInfo> = {},
): MachineInfo {
  const id = ++seq;
  return {
    id,
    code: `M-${id}`,
    name: `Machine ${id}`,
    area: "Machine Shop",
    inService: true,
    outOfServiceReason: null,
    capacity: 1,
    requirement: parseRequirement(requirement),
    ...fields,
  };
}

export function hold(fields: Partial<HoldInfo> = {}): HoldInfo {
  return {
    id: ++seq,
    scope: "all",
    machineId: null,
    track: null,
    reason: "Left the lathe running unattended",
    startsOn: "2026-01-01",
    endsOn: null,
    liftedAt: null,
    ...fields,
  };
}

export function input(fields: {
  at: Day;
  badges: BadgeInfo[];
  awards?: AwardInfo[];
  holds?: HoldInfo[];
  machines?: MachineInfo[];
  lastUse?: [MachineInfo, Day][];
  status?: "active" | "inactive";
}): ClearanceInput {
  return {
    at: fields.at,
    student: { id: 1, status: fields.status ?? "active" },
    awards: fields.awards ?? [],
    holds: fields.holds ?? [],
    badges: new Map(fields.badges.map((b) => [b.id, b])),
    badgesBySlug: new Map(fields.badges.map((b) => [b.slug, b])),
    lastUseByMachine: new Map(
      (fields.lastUse ?? []).map(([m, day]) => [m.id, day]),
    ),
    machines: fields.machines ?? [],
  };
}
