// Which machines a badge unlocks, read from the requirement expressions.
// Pure: the catalog service passes the badges and machines in.
import { supersedes } from "../clearance/rules";
import { requirementSlugs } from "../clearance/requirement";
import type { BadgeInfo, MachineInfo, Requirement } from "../clearance/types";

export type Unlock = {
  machine: MachineInfo;
  /** What else the machine needs besides this badge; null: nothing. */
  together: Requirement | null;
};

/**
 * The machines whose requirement this badge helps to meet, directly or by
 * supersession (it stands in for a lower badge of its track).
 */
export function machinesUnlockedBy(
  badge: BadgeInfo,
  machines: MachineInfo[],
  badgesBySlug: Map<string, BadgeInfo>,
): Unlock[] {
  const out: Unlock[] = [];
  for (const machine of machines) {
    const met = new Set(
      requirementSlugs(machine.requirement).filter((slug) =>
        satisfies(badge, slug, badgesBySlug),
      ),
    );
    if (met.size === 0 || machine.requirement === null) continue;

    const rest = residual(machine.requirement, met);
    out.push({ machine, together: rest === true ? null : rest });
  }
  return out;
}

function satisfies(
  badge: BadgeInfo,
  slug: string,
  badgesBySlug: Map<string, BadgeInfo>,
): boolean {
  if (slug === badge.slug) return true;
  const required = badgesBySlug.get(slug);
  return required !== undefined && supersedes(badge, required);
}

/** The requirement left once the `met` slugs count as held (true: none). */
export function residual(
  req: Requirement,
  met: Set<string>,
): Requirement | true {
  if (req.kind === "badge") return met.has(req.slug) ? true : req;

  const items = req.items.map((item) => residual(item, met));
  const open = items.filter((i): i is Requirement => i !== true);
  if (req.kind === "or" && open.length < items.length) return true;
  if (open.length === 0) return true;
  if (open.length === 1) return open[0]!;
  return { kind: req.kind, items: open };
}
