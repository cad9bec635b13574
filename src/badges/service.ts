import { invalidateCatalog } from "../clearance/service";
import type { Db } from "../db/client";
import { BADGE_LEVELS, BADGE_TYPES } from "../db/schema";
import { requireRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { InvalidError, NotFoundError } from "../lib/errors";
import * as users from "../users/queries";
import * as q from "./queries";
import type { BadgeFields, NewBadge } from "./schemas";

const ADMINS_ONLY = "Only admins define badges";

export type BadgeTrack = { track: string; badges: q.BadgeRow[] };

/** Badges grouped by track, tiers in order; archived ones only on request. */
export function listBadgesByTrack(
  db: Db,
  opts: { includeArchived: boolean },
): { tracks: BadgeTrack[]; archivedCount: number } {
  const all = q.listBadges(db);
  const shown = all.filter((b) => opts.includeArchived || !b.archived);
  shown.sort((a, b) => a.track.localeCompare(b.track) || tier(a) - tier(b));

  const tracks: BadgeTrack[] = [];
  for (const badge of shown) {
    const last = tracks.at(-1);
    if (last?.track === badge.track) last.badges.push(badge);
    else tracks.push({ track: badge.track, badges: [badge] });
  }
  const archivedCount = all.filter((b) => b.archived).length;
  return { tracks, archivedCount };
}

/** One badge with the ids of the staff who may award it. */
export function getBadge(db: Db, slug: string) {
  const badge = q.findBadgeBySlug(db, slug);
  if (!badge) throw new NotFoundError(`There is no badge "${slug}".`);
  return { ...badge, assessorIds: q.listAssessorIds(db, badge.id) };
}

/**
 * What the badge form offers: existing tracks, and the supervisors and
 * admins who may assess (plus any already named, so none silently drops).
 */
export function badgeFormOptions(db: Db, named: number[] = []) {
  const candidates = users.listAssessorCandidates(db);
  const ids = new Set(candidates.map((u) => u.id));
  const others = users.findUsersByIds(
    db,
    named.filter((id) => !ids.has(id)),
  );
  return {
    tracks: q.listTracks(db),
    assessors: [...candidates, ...others],
  };
}

/** Defines a new badge (admins). */
export function createBadge(db: Db, actor: Actor, input: NewBadge) {
  requireRole(actor, "admin", ADMINS_ONLY);
  if (q.findBadgeBySlug(db, input.slug)) {
    throw new InvalidError("This slug is taken", {
      slug: `A badge with the slug "${input.slug}" already exists`,
    });
  }
  checkAssessors(db, input.assessors);
  const values = { slug: input.slug, ...badgeValues(input) };

  const id = db.transaction((tx) => {
    const id = q.insertBadge(tx, values);
    q.replaceAssessors(tx, id, input.assessors);
    writeAudit(tx, actor, {
      action: "badge.create",
      entityType: "badge",
      entityId: id,
      after: { ...values, assessorIds: input.assessors },
    });
    return id;
  });
  invalidateCatalog(db);
  return { id, slug: input.slug };
}

/** Changes a badge's definition; its slug stays as it was created. */
export function updateBadge(
  db: Db,
  actor: Actor,
  slug: string,
  input: BadgeFields,
) {
  requireRole(actor, "admin", ADMINS_ONLY);
  const before = getBadge(db, slug);
  checkAssessors(db, input.assessors, before.assessorIds);
  const values = badgeValues(input);

  db.transaction((tx) => {
    q.updateBadge(tx, before.id, values);
    q.replaceAssessors(tx, before.id, input.assessors);
    writeAudit(tx, actor, {
      action: "badge.update",
      entityType: "badge",
      entityId: before.id,
      before: auditable(before),
      after: { ...values, assessorIds: input.assessors },
    });
  });
  invalidateCatalog(db);
}

/** Archives a badge: it can no longer be awarded but stays in history. */
export function archiveBadge(db: Db, actor: Actor, slug: string) {
  setArchived(db, actor, slug, true);
}

/** Makes an archived badge available for awards again. */
export function unarchiveBadge(db: Db, actor: Actor, slug: string) {
  setArchived(db, actor, slug, false);
}

function setArchived(db: Db, actor: Actor, slug: string, archived: boolean) {
  requireRole(actor, "admin", ADMINS_ONLY);
  const badge = getBadge(db, slug);
  if (badge.archived === archived) return;

  db.transaction((tx) => {
    q.updateBadge(tx, badge.id, { archived });
    writeAudit(tx, actor, {
      action: archived ? "badge.archive" : "badge.unarchive",
      entityType: "badge",
      entityId: badge.id,
      before: { archived: badge.archived },
      after: { archived },
    });
  });
  invalidateCatalog(db);
}

// An assessor is a supervisor or admin; one already named may stay even
// after leaving, so an unrelated edit does not fail.
function checkAssessors(db: Db, ids: number[], kept: number[] = []) {
  const found = users.findUsersByIds(db, ids);
  const ok = found.filter(
    (u) => kept.includes(u.id) || (u.active && u.role !== "staff"),
  );
  if (ok.length !== ids.length) {
    throw new InvalidError("Unknown assessor", {
      assessors: "Pick assessors from the list of supervisors and admins",
    });
  }
}

function badgeValues(input: BadgeFields): q.BadgeValues {
  return {
    name: input.name,
    track: input.track,
    type: input.type,
    level: input.level,
    description: input.description,
    criteria: input.criteria,
    criteriaUrl: input.criteriaUrl,
    ...input.validity,
    lapseUnusedMonths: input.lapseUnusedMonths,
  };
}

// The same shape as the "after" of an update, so the two compare.
function auditable(badge: ReturnType<typeof getBadge>) {
  const { id, slug, archived, assessorIds, ...values } = badge;
  return { ...values, assessorIds };
}

function tier(b: q.BadgeRow) {
  return BADGE_TYPES.indexOf(b.type) * 10 + BADGE_LEVELS.indexOf(b.level);
}
