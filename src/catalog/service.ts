import { describeRequirement } from "../clearance/requirement";
import { loadCatalog } from "../clearance/service";
import type { Db } from "../db/client";
import { describeValidity } from "../badges/validity";
import { today, type Day } from "../lib/dates";
import { NotFoundError } from "../lib/errors";
import * as q from "./queries";
import { machinesUnlockedBy } from "./unlocks";

export type PublicBadge = q.PublicBadgeRow;

export type TrackGroup = { track: string; badges: PublicBadge[] };

/** Every badge still awarded, grouped by track (archived ones hidden). */
export function listCatalog(db: Db): TrackGroup[] {
  const groups = new Map<string, PublicBadge[]>();
  for (const badge of q.listActiveBadges(db)) {
    const list = groups.get(badge.track) ?? [];
    list.push(badge);
    groups.set(badge.track, list);
  }
  return [...groups].map(([track, badges]) => ({ track, badges }));
}

export type MachineUnlock = {
  name: string;
  code: string;
  area: string;
  together: string | null; // "Shop Safety" when more is needed
};

export type BadgeDetail = {
  badge: PublicBadge;
  validity: string;
  unlocks: MachineUnlock[];
  currentHolders: number;
};

/** A badge's public page: what it claims and which machines it unlocks. */
export function getBadgeDetail(
  db: Db,
  slug: string,
  at: Day = today(),
): BadgeDetail {
  const badge = q.findPublicBadge(db, slug);
  if (!badge) throw new NotFoundError("There is no page here.");

  const catalog = loadCatalog(db);
  const info = catalog.badgesBySlug.get(slug);
  const nameOf = (s: string) => catalog.badgesBySlug.get(s)?.name ?? s;
  const unlocks = info
    ? machinesUnlockedBy(info, catalog.machines, catalog.badgesBySlug)
    : [];

  return {
    badge,
    validity: describeValidity(badge),
    unlocks: unlocks
      .map(({ machine, together }) => ({
        name: machine.name,
        code: machine.code,
        area: machine.area,
        together: together && describeRequirement(together, nameOf),
      }))
      .sort(
        (a, b) => a.area.localeCompare(b.area) || a.name.localeCompare(b.name),
      ),
    currentHolders: q.countCurrentHolders(db, badge.id, at),
  };
}
