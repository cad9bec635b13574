import type { Reason } from "../../src/clearance/types";

// Like views/clearance ReasonList without staff detail, plus the link to
// the badge page that says how to earn what is missing.

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
