/** Cleared or not, as a pill with icon and words. */
export function ClearanceStatus(props: { cleared: boolean }) {
  return props.cleared ? (
    <span class="status status-ok">
      <span aria-hidden="true">✔</span>Cleared
    </span>
  ) : (
    <span class="status status-bad">
      <span aria-hidden="true">✖</span>Not cleared
    </span>
  );
}
