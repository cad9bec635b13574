import type { Db } from "../db/client";
import { computeExpiry } from "../clearance/rules";
import { requireRole, actorUserId, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { isDay, today, type Day } from "../lib/dates";
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from "../lib/errors";
import { findStudentById } from "../students/queries";
import * as q from "./queries";
import type { AwardForm } from "./schemas";

/** The choices the award form offers: badges that may be awarded, staff. */
export function awardFormOptions(db: Db) {
  return {
    badges: q.listAwardableBadges(db),
    staff: q.listActiveStaff(db),
  };
}

/** The expiry an award of this badge gets by default, for the form's hint. */
export function defaultExpiry(db: Db, badgeId: number, issuedOn: Day) {
  const badge = badgeId ? q.findBadge(db, badgeId) : null;
  if (!badge || !isDay(issuedOn)) return null;
  return { badgeName: badge.name, expiresOn: computeExpiry(badge, issuedOn) };
}

// Assessor authority: when a badge lists its assessors, only they may be
// named, and only they (or an admin) may record the award themselves.
function checkAuthority(
  db: Db,
  actor: Actor,
  badge: { id: number; name: string },
  assessor: { id: number; name: string },
) {
  const allowed = q.listBadgeAssessors(db, badge.id);
  if (allowed.length === 0) return;
  const names = allowed.map((a) => a.name).join(", ");

  const actorId = actorUserId(actor);
  const isAdmin = actor.kind !== "user" || actor.role === "admin";
  if (!isAdmin && !allowed.some((a) => a.id === actorId)) {
    throw new ForbiddenError(
      `Only ${badge.name}'s assessors (${names}) or an admin may award it`,
    );
  }
  if (!allowed.some((a) => a.id === assessor.id)) {
    const message = `${assessor.name} may not sign off ${badge.name}; its assessors are ${names}`;
    throw new InvalidError(message, { assessorId: message });
  }
}

/** Records that a student holds a badge, signed off by a named assessor. */
export function awardBadge(
  db: Db,
  actor: Actor,
  input: AwardForm & { studentId: number },
  at: Day = today(),
): { id: number } {
  requireRole(actor, "supervisor", "Only a supervisor may award a badge");
  if (!findStudentById(db, input.studentId)) {
    throw new NotFoundError("There is no such student.");
  }
  const badge = q.findBadge(db, input.badgeId);
  if (!badge || badge.archived) {
    const message = "Choose a badge that is not archived";
    throw new InvalidError(message, { badgeId: message });
  }
  if (input.issuedOn > at) {
    const message = "The issue date cannot be in the future";
    throw new InvalidError(message, { issuedOn: message });
  }
  if (input.expiresOn && input.expiresOn <= input.issuedOn) {
    const message = "The expiry date must be after the issue date";
    throw new InvalidError(message, { expiresOn: message });
  }
  const assessor = q.findActiveStaff(db, input.assessorId);
  if (!assessor) {
    const message = "Choose an active staff member as the assessor";
    throw new InvalidError(message, { assessorId: message });
  }
  checkAuthority(db, actor, badge, assessor);

  const values = {
    studentId: input.studentId,
    badgeId: badge.id,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn ?? computeExpiry(badge, input.issuedOn),
    assessorId: assessor.id,
    evidence: input.evidence,
    createdBy: actorUserId(actor),
  };
  return db.transaction((tx) => {
    const { id } = q.insertAward(tx, values);
    writeAudit(tx, actor, {
      action: "award.create",
      entityType: "award",
      entityId: id,
      after: { ...values, badge: badge.slug, source: "manual" },
    });
    return { id };
  });
}

/** The award with its student and badge, or a 404. */
export function getAward(db: Db, awardId: number) {
  const award = q.findAward(db, awardId);
  if (!award) throw new NotFoundError("There is no such award.");
  return award;
}

/** Revokes an award; the record stays, marked with who, when and why. */
export function revokeAward(
  db: Db,
  actor: Actor,
  awardId: number,
  reason: string,
): { studentNumber: string } {
  requireRole(actor, "supervisor", "Only a supervisor may revoke an award");

  return db.transaction((tx) => {
    const award = q.findAward(tx, awardId);
    if (!award) throw new NotFoundError("There is no such award.");
    if (award.revokedAt) {
      throw new ConflictError("This award has already been revoked.");
    }
    const change = {
      revokedAt: new Date(),
      revokedBy: actorUserId(actor),
      revokeReason: reason,
    };
    q.markRevoked(tx, awardId, change);
    writeAudit(tx, actor, {
      action: "award.revoke",
      entityType: "award",
      entityId: awardId,
      before: { revokedAt: null },
      after: change,
    });
    return { studentNumber: award.studentNumber };
  });
}
