import { and, asc, countDistinct, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { awards, badges, students } from "../db/schema";
import type { Day } from "../lib/dates";
import { badgeColumns } from "../badges/queries";

// A badge holds nothing private: public pages may show every column.
const publicColumns = badgeColumns;

export function listActiveBadges(db: Db) {
  return db
    .select(publicColumns)
    .from(badges)
    .where(eq(badges.archived, false))
    .orderBy(asc(badges.track), asc(badges.name))
    .all();
}

export type PublicBadgeRow = NonNullable<ReturnType<typeof findPublicBadge>>;

export function findPublicBadge(db: Db, slug: string) {
  return (
    db.select(publicColumns).from(badges).where(eq(badges.slug, slug)).get() ??
    null
  );
}

/** Active students with an unrevoked award of the badge valid on `at`. */
// TODO(a per-badge last-use query): awards that lapsed unused still count.
export function countCurrentHolders(db: Db, badgeId: number, at: Day) {
  const row = db
    .select({ n: countDistinct(awards.studentId) })
    .from(awards)
    .innerJoin(students, eq(students.id, awards.studentId))
    .where(
      and(
        eq(awards.badgeId, badgeId),
        eq(students.status, "active"),
        isNull(awards.revokedAt),
        lte(awards.issuedOn, at),
        or(isNull(awards.expiresOn), gte(awards.expiresOn, at)),
      ),
    )
    .get();
  return row?.n ?? 0;
}
