import type { AwardStatus, Reason } from "../../src/clearance/types";

const AWARD_STATUS: Record<
  AwardStatus,
  { icon: string; words: string; tone: string }
> = {
  current: { icon: "✓", words: "Current", tone: "ok" },
  expiring: { icon: "⏳", words: "Expires within 30 days", tone: "warn" },
  expired: { icon: "✕", words: "Expired", tone: "bad" },
  revoked: { icon: "⛔", words: "Revoked", tone: "bad" },
  "lapsed-unused": { icon: "✕", words: "Lapsed: not used", tone: "bad" },
};

/** An award's status as icon and words. */
export function AwardStatusPill(props: { status: AwardStatus }) {
  const s = AWARD_STATUS[props.status];
  return (
    <p class={`status status-${s.tone}`}>
      <span aria-hidden="true">{s.icon}</span> {s.words}
    </p>
  );
}

const LINK_WORDS: Partial<Record<Reason["code"], string>> = {
  missing: "How to earn it",
  expired: "How to renew it",
  "lapsed-unused": "How to renew it",
  revoked: "How to earn it again",
};

/** Why a machine is not cleared, each with where to earn what is missing. */
export function StudentReasons(props: { reasons: Reason[] }) {
  return (
    <ul class="reasons">
      {props.reasons.map((r) => {
        const words = r.badge && LINK_WORDS[r.code];
        return (
          <li>
            {r.message}
            {words && (
              <>
                {" - "}
                <a href={`/badges/${r.badge}`}>{words}</a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
