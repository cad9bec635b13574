// Plain formatting shared by the CSV files and the report pages, so a
// spreadsheet and a printout say the same thing.

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-03 14:05" in the shop's local time. */
export function localStamp(at: number | Date): string {
  const d = typeof at === "number" ? new Date(at) : at;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 135 -> "2 h 15 min"; 40 -> "40 min". */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Hours with one decimal, for totals: 135 minutes -> "2.3". */
export function formatHours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** 12345 -> "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
