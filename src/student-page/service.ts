import { describeRequirement } from "../clearance/requirement";
import { awardStatus } from "../clearance/rules";
import { clearStudent } from "../clearance/service";
import type { AwardStatus, ClearanceInput, Reason } from "../clearance/types";
import { requireStudentByToken } from "../credentials/service";
import type { Db } from "../db/client";
import type { BadgeLevel, BadgeType } from "../db/schema";
import { toDay, type Day } from "../lib/dates";
import { NotFoundError } from "../lib/errors";
import * as q from "./queries";

export type HeldBadge = {
  slug: string;
  name: string;
  type: BadgeType;
  level: BadgeLevel;
  issuedOn: Day;
  expiresOn: Day | null;
  revokedOn: Day | null;
  status: AwardStatus;
};

export type MachineClearance = {
  name: string;
  code: string;
  needs: string; // the requirement in words
  cleared: boolean;
  reasons: Reason[];
};

export type StudentPageData = {
  name: string;
  at: Day;
  badges: HeldBadge[];
  areas: { area: string; machines: MachineClearance[] }[];
  sessions: q.SessionRow[];
};

export const RECENT_SESSIONS = 10;

// Hold reasons are staff notes; the student only learns that one exists.
export const HOLD_MESSAGE = "A hold was placed - see shop staff";

/** What a student sees behind their card's secret link. */
export function loadStudentPage(
  db: Db,
  token: string,
  at?: Day,
): StudentPageData {
  const studentId = requireStudentByToken(db, token);
  const student = q.findStudentName(db, studentId);
  if (!student) throw new NotFoundError("There is no page here.");

  const { input, clearances } = clearStudent(db, studentId, at);
  const nameOf = (slug: string) => input.badgesBySlug.get(slug)?.name ?? slug;
  const machinesById = new Map(input.machines.map((m) => [m.id, m]));
  const areas = new Map<string, MachineClearance[]>();
  for (const clearance of clearances) {
    const machine = machinesById.get(clearance.machineId);
    if (!machine) continue;
    const list = areas.get(machine.area) ?? [];
    list.push({
      name: machine.name,
      code: machine.code,
      needs: describeRequirement(machine.requirement, nameOf),
      cleared: clearance.cleared,
      reasons: studentReasons(clearance.reasons),
    });
    areas.set(machine.area, list);
  }

  return {
    name: `${student.firstName} ${student.lastName}`,
    at: input.at,
    badges: heldBadges(input),
    areas: [...areas]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([area, machines]) => ({
        area,
        machines: machines.sort((a, b) => a.name.localeCompare(b.name)),
      })),
    sessions: q.listRecentSessions(db, studentId, RECENT_SESSIONS),
  };
}

/** The reasons with every staff-only detail taken out. */
export function studentReasons(reasons: Reason[]): Reason[] {
  const out: Reason[] = [];
  for (const reason of reasons) {
    if (reason.code !== "hold") {
      out.push(reason);
    } else if (!out.some((r) => r.code === "hold")) {
      out.push({ code: "hold", message: HOLD_MESSAGE });
    }
  }
  return out;
}

const STATUS_RANK: Record<AwardStatus, number> = {
  current: 0,
  expiring: 1,
  "lapsed-unused": 2,
  expired: 3,
  revoked: 4,
};

// One line per badge: the award that counts most (a renewal hides the
// expired award it replaced; history stays on the staff pages).
function heldBadges(input: ClearanceInput): HeldBadge[] {
  const best = new Map<number, HeldBadge>();
  for (const award of input.awards) {
    const badge = input.badges.get(award.badgeId);
    if (!badge) continue;
    const held: HeldBadge = {
      slug: badge.slug,
      name: badge.name,
      type: badge.type,
      level: badge.level,
      issuedOn: award.issuedOn,
      expiresOn: award.expiresOn,
      revokedOn: award.revokedAt && toDay(award.revokedAt),
      status: awardStatus(award, badge, input),
    };
    const seen = best.get(badge.id);
    if (!seen || isBetter(held, seen)) best.set(badge.id, held);
  }
  return [...best.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function isBetter(a: HeldBadge, b: HeldBadge): boolean {
  const rank = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  return rank < 0 || (rank === 0 && a.issuedOn > b.issuedOn);
}
