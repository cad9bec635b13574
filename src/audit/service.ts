import type { Db } from "../db/client";
import { addDays, type Day } from "../lib/dates";
import type { FieldErrors } from "../lib/errors";
import { fieldErrors } from "../lib/forms";
import * as q from "./queries";
import { AuditRangeSchema, type AuditQuery } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

// The start of a calendar day in the shop's local time zone.
function startOf(day: Day): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
}

function toFilter(query: AuditQuery, rangeOk: boolean): q.AuditFilter {
  const actor = query.actor;
  const byKind = actor === "cli" || actor === "system" || actor === "device";
  return {
    action: query.action || undefined,
    entityType: query.entityType || undefined,
    entityId: query.entityId || undefined,
    actorKind: byKind ? actor : actor ? "user" : undefined,
    actorId: actor && !byKind ? Number(actor) : undefined,
    from: rangeOk && query.from ? startOf(query.from) : undefined,
    until: rangeOk && query.to ? startOf(addDays(query.to, 1)) : undefined,
  };
}

/** A page of the audit log under the query's filters, with the filter choices. */
export function browseAuditLog(db: Db, query: AuditQuery) {
  const range = AuditRangeSchema.safeParse(query);
  const errors: FieldErrors = range.success ? {} : fieldErrors(range.error);

  const filter = toFilter(query, range.success);
  const first = listPage(db, filter, query.page);
  // a page past the end shows the last page rather than nothing
  const pageCount = Math.max(1, Math.ceil(first.total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const result = page === query.page ? first : listPage(db, filter, page);

  return {
    ...result,
    page,
    pageCount,
    errors,
    users: q.listUsers(db),
    entityTypes: q.listEntityTypes(db),
  };
}

function listPage(db: Db, filter: q.AuditFilter, page: number) {
  return q.listAudit(db, filter, {
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
}

/** The newest audit rows about a student, their awards and their holds. */
export function studentHistory(
  db: Db,
  refs: { studentId: number; awardIds: number[]; holdIds: number[] },
  limit = 100,
) {
  return q.listEntityHistory(
    db,
    [
      { type: "student", ids: [refs.studentId] },
      { type: "award", ids: refs.awardIds },
      { type: "hold", ids: refs.holdIds },
    ],
    limit,
  );
}
