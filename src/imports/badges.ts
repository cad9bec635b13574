import { writeAudit } from "../lib/audit";
import type { ImportError } from "./csv";
import {
  findRepeats,
  updateChange,
  type Change,
  type Conn,
  type Parsed,
  type Plan,
} from "./plan";
import * as q from "./queries";
import type { BadgeRow } from "./schemas";

/** Matches badge rows to badges by slug and decides what each row does. */
export function planBadges(db: Conn, rows: Parsed<BadgeRow>[]): Plan {
  const errors: ImportError[] = findRepeats(rows, "slug", (r) => r.slug);
  const existing = new Map(q.listBadges(db).map((b) => [b.slug, b]));

  const changes = rows.map(({ row }): Change => {
    const values = badgeValues(row);
    const current = existing.get(row.slug);
    if (!current) return createBadge(values);

    return updateChange("badge", current, values, q.updateBadge);
  });
  return { errors, changes };
}

// undefined: the column is absent, keep what the badge has.
function badgeValues(row: BadgeRow) {
  return {
    slug: row.slug,
    name: row.name,
    track: row.track,
    type: row.type,
    level: row.level,
    ...row.validity,
    lapseUnusedMonths: row.lapse_unused_months,
    description: orEmpty(row.description),
    criteria: orEmpty(row.criteria),
    criteriaUrl: row.criteria_url,
  };
}

const orEmpty = (v: string | null | undefined) => (v === null ? "" : v);

function createBadge(values: ReturnType<typeof badgeValues>): Change {
  const row: q.BadgeValues = {
    ...values,
    lapseUnusedMonths: values.lapseUnusedMonths ?? null,
    description: values.description ?? "",
    criteria: values.criteria ?? "",
    criteriaUrl: values.criteriaUrl ?? null,
  };
  return {
    action: "create",
    write: (tx, { actor }) => {
      const id = q.insertBadge(tx, row);
      writeAudit(tx, actor, {
        action: "badge.create",
        entityType: "badge",
        entityId: id,
        after: row,
      });
    },
  };
}
