import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  badgeAssessors,
  badges,
  type BadgeLevel,
  type BadgeType,
  type ValidityKind,
} from "../db/schema";

type Conn = Pick<
  Db,
  "select" | "selectDistinct" | "insert" | "update" | "delete"
>;

/** Every column of a badge, as badge pages, the catalog and imports read it. */
export const badgeColumns = {
  id: badges.id,
  slug: badges.slug,
  name: badges.name,
  track: badges.track,
  type: badges.type,
  level: badges.level,
  description: badges.description,
  criteria: badges.criteria,
  criteriaUrl: badges.criteriaUrl,
  validityKind: badges.validityKind,
  validityMonths: badges.validityMonths,
  validityAnnual: badges.validityAnnual,
  lapseUnusedMonths: badges.lapseUnusedMonths,
  archived: badges.archived,
};

export type BadgeRow = {
  id: number;
  slug: string;
  name: string;
  track: string;
  type: BadgeType;
  level: BadgeLevel;
  description: string;
  criteria: string;
  criteriaUrl: string | null;
  validityKind: ValidityKind;
  validityMonths: number | null;
  validityAnnual: string | null;
  lapseUnusedMonths: number | null;
  archived: boolean;
};

export type BadgeValues = Omit<BadgeRow, "id" | "slug" | "archived">;

export function listBadges(db: Conn): BadgeRow[] {
  return db
    .select(badgeColumns)
    .from(badges)
    .orderBy(asc(badges.track), asc(badges.name))
    .all();
}

export function findBadgeBySlug(db: Conn, slug: string): BadgeRow | null {
  return (
    db.select(badgeColumns).from(badges).where(eq(badges.slug, slug)).get() ??
    null
  );
}

export function listTracks(db: Conn): string[] {
  return db
    .selectDistinct({ track: badges.track })
    .from(badges)
    .orderBy(asc(badges.track))
    .all()
    .map((r) => r.track);
}

export function insertBadge(
  db: Conn,
  values: BadgeValues & { slug: string },
): number {
  return db.insert(badges).values(values).returning({ id: badges.id }).get().id;
}

export function updateBadge(
  db: Conn,
  id: number,
  set: Partial<BadgeValues> & { archived?: boolean },
) {
  db.update(badges).set(set).where(eq(badges.id, id)).run();
}

export function listAssessorIds(db: Conn, badgeId: number): number[] {
  return db
    .select({ userId: badgeAssessors.userId })
    .from(badgeAssessors)
    .where(eq(badgeAssessors.badgeId, badgeId))
    .orderBy(asc(badgeAssessors.userId))
    .all()
    .map((r) => r.userId);
}

export function replaceAssessors(db: Conn, badgeId: number, ids: number[]) {
  db.delete(badgeAssessors).where(eq(badgeAssessors.badgeId, badgeId)).run();
  if (ids.length === 0) return;
  db.insert(badgeAssessors)
    .values(ids.map((userId) => ({ badgeId, userId })))
    .run();
}

/** Every badge's slug and name: what requirements may name. */
export function listBadgeNames(db: Conn) {
  return db
    .select({ slug: badges.slug, name: badges.name, archived: badges.archived })
    .from(badges)
    .all();
}
