// The shapes the clearance rules take and give. The rules themselves
// (rules.ts, requirement.ts) are pure: no I/O, no clock.
import type { BadgeLevel, BadgeType, ValidityKind } from "../db/schema";
import type { Day } from "../lib/dates";

/** A parsed requirement expression; null means "no badge needed". */
export type Requirement =
  | { kind: "badge"; slug: string }
  | { kind: "and"; items: Requirement[] }
  | { kind: "or"; items: Requirement[] };

export type BadgeInfo = {
  id: number;
  slug: string;
  name: string;
  track: string;
  type: BadgeType;
  level: BadgeLevel;
  validityKind: ValidityKind;
  validityMonths: number | null;
  validityAnnual: string | null; // "MM-DD"
  lapseUnusedMonths: number | null;
  criteriaUrl: string | null;
  archived: boolean;
};

export type AwardInfo = {
  id: number;
  badgeId: number;
  issuedOn: Day;
  expiresOn: Day | null;
  revokedAt: Date | null;
  revokeReason: string | null;
};

export type HoldInfo = {
  id: number;
  scope: "all" | "machine" | "track";
  machineId: number | null;
  track: string | null;
  reason: string;
  startsOn: Day;
  endsOn: Day | null;
  liftedAt: Date | null;
};

export type MachineInfo = {
  id: number;
  code: string;
  name: string;
  area: string;
  inService: boolean;
  outOfServiceReason: string | null;
  capacity: number;
  requirement: Requirement | null;
};

export type StudentInfo = {
  id: number;
  status: "active" | "inactive";
};

export const REASON_CODES = [
  "inactive-student",
  "out-of-service",
  "hold",
  "missing",
  "expired",
  "revoked",
  "lapsed-unused",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** One reason a student is not cleared, in words a student understands. */
export type Reason = {
  code: ReasonCode;
  badge?: string; // slug
  date?: Day; // when it expired, was revoked, lapsed, or the hold ends
  message: string; // "Lathe Intermediate Skills expired on 2026-08-31"
  // the slug the requirement asks for when `badge` is a superseding badge
  required?: string;
  // staff-only detail (a hold's reason); never show it to the student
  detail?: string;
};

export type Clearance = {
  machineId: number;
  cleared: boolean;
  reasons: Reason[];
  // when cleared: the award that satisfied each required badge slug
  satisfiedBy: { slug: string; awardId: number; badgeId: number }[];
  earliestExpiry: Day | null;
};

export type AwardStatus =
  | "current"
  | "expiring" // current, but expires within 30 days
  | "expired"
  | "revoked"
  | "lapsed-unused";

/** Everything the rules need to decide, loaded by the service. */
export type ClearanceInput = {
  at: Day;
  student: StudentInfo;
  awards: AwardInfo[];
  holds: HoldInfo[];
  badges: Map<number, BadgeInfo>; // every badge, by id
  badgesBySlug: Map<string, BadgeInfo>;
  // the last day the student used each machine (for "lapses unused")
  lastUseByMachine: Map<number, Day>;
  machines: MachineInfo[]; // all machines: the lapse rule looks across them
};
