// Badge words shared by the public pages.

const CAPITALS = new Set(["mig", "tig", "cnc", "cad", "cam"]);

/** "welding-mig" -> "Welding MIG", "shop-safety" -> "Shop Safety". */
export function trackName(track: string): string {
  return track
    .split("-")
    .map((w) =>
      CAPITALS.has(w)
        ? w.toUpperCase()
        : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join(" ");
}

/** "skills", "intermediate" -> "Intermediate skills". */
export function typeAndLevel(badge: { type: string; level: string }): string {
  const level = badge.level.charAt(0).toUpperCase() + badge.level.slice(1);
  return `${level} ${badge.type}`;
}
