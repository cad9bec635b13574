// Small pieces the machine pages share.

export type RequirementWords =
  | { ok: true; words: string; archived: string[] }
  | { ok: false; message: string };

/** In service or out of service, by icon and words. */
export function MachineStatus(props: {
  inService: boolean;
  reason?: string | null;
}) {
  if (props.inService) {
    return (
      <span class="status status-ok">
        <span aria-hidden="true">✔</span> In service
      </span>
    );
  }
  return (
    <span class="status status-bad">
      <span aria-hidden="true">⊘</span> Out of service
      {props.reason ? `: ${props.reason}` : ""}
    </span>
  );
}

/** A requirement in words, or what is wrong with it. */
export function RequirementCheckResult(props: { check: RequirementWords }) {
  const { check } = props;
  if (!check.ok) {
    return (
      <span class="requirement-bad">
        <span aria-hidden="true">⚠ </span>
        {check.message}
      </span>
    );
  }
  return (
    <>
      <span class="requirement-ok">
        <span aria-hidden="true">✔ </span>
        {check.words}
      </span>
      {check.archived.length > 0 && (
        <span class="requirement-note">
          {" "}
          (archived, no new awards: {check.archived.join(", ")})
        </span>
      )}
    </>
  );
}
