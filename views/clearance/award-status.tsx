import type { AwardStatus } from "../../src/clearance/types";
import type { Day } from "../../src/lib/dates";

const PILLS: Record<
  AwardStatus,
  { tone: "ok" | "warn" | "bad" | "muted"; icon: string; words: string }
> = {
  current: { tone: "ok", icon: "✔", words: "Current" },
  expiring: { tone: "warn", icon: "⚠", words: "Expiring soon" },
  expired: { tone: "bad", icon: "✖", words: "Expired" },
  revoked: { tone: "bad", icon: "⊘", words: "Revoked" },
  "lapsed-unused": { tone: "muted", icon: "⏸", words: "Lapsed" },
};

/** An award's status as a pill: icon and words, the date when it matters. */
export function AwardStatusPill(props: {
  status: AwardStatus;
  expiresOn?: Day | null;
}) {
  const pill = PILLS[props.status];
  const until =
    props.expiresOn &&
    (props.status === "expiring" || props.status === "expired")
      ? ` (${props.expiresOn})`
      : "";
  return (
    <span class={`status status-${pill.tone}`}>
      <span aria-hidden="true">{pill.icon}</span>
      {pill.words}
      {until}
    </span>
  );
}
