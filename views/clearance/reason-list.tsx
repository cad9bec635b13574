import type { Reason } from "../../src/clearance/types";

/**
 * Why a student is not cleared, one reason per line. A hold's own reason
 * is staff-only: it shows only with `showStaffDetail`.
 */
export function ReasonList(props: {
  reasons: Reason[];
  showStaffDetail?: boolean;
}) {
  if (props.reasons.length === 0) return null;
  return (
    <ul class="reasons">
      {props.reasons.map((reason) => (
        <li data-code={reason.code}>
          {reason.message}
          {props.showStaffDetail && reason.detail && (
            <span class="muted"> (staff note: {reason.detail})</span>
          )}
        </li>
      ))}
    </ul>
  );
}
