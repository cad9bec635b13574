import { toDay } from "../../src/lib/dates";
import type { AwardStatus } from "../../src/clearance/types";
import { AwardStatusPill } from "../clearance/award-status";
import { CsrfField, type PageContext } from "../layout";
import { canEdit } from "../students/parts";

export type AwardRowData = {
  id: number;
  badgeName: string;
  type: string;
  level: string;
  issuedOn: string;
  expiresOn: string | null;
  assessorName: string | null;
  importedAssessor: string | null;
  evidence: string | null;
  source: string;
  revokedAt: Date | null;
  revokedByName: string | null;
  revokeReason: string | null;
  status: AwardStatus | null;
};

/** A student's awards, current and past, with a revoke form for supervisors. */
export function AwardTable(props: {
  ctx: PageContext;
  awards: AwardRowData[];
}) {
  if (props.awards.length === 0) {
    return <p>No badges awarded yet.</p>;
  }
  const editable = canEdit(props.ctx);
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">Awards</caption>
        <thead>
          <tr>
            <th scope="col">Badge</th>
            <th scope="col">Type</th>
            <th scope="col">Level</th>
            <th scope="col">Issued</th>
            <th scope="col">Expires</th>
            <th scope="col">Assessor</th>
            <th scope="col">Status</th>
            {editable && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {props.awards.map((a) => (
            <AwardRow ctx={props.ctx} award={a} editable={editable} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AwardRow(props: {
  ctx: PageContext;
  award: AwardRowData;
  editable: boolean;
}) {
  const a = props.award;
  return (
    <tr>
      <th scope="row">
        {a.badgeName}
        {a.evidence && <Evidence text={a.evidence} />}
      </th>
      <td>{a.type}</td>
      <td>{a.level}</td>
      <td class="day">{a.issuedOn}</td>
      <td class="day">{a.expiresOn ?? "Never"}</td>
      <td>
        {a.assessorName ?? a.importedAssessor ?? "—"}
        {a.source === "import" && <span class="muted"> (imported)</span>}
      </td>
      <td>
        {a.status && (
          <AwardStatusPill status={a.status} expiresOn={a.expiresOn} />
        )}
        {a.revokedAt && (
          <p class="muted small">
            Revoked {toDay(a.revokedAt)}
            {a.revokedByName && ` by ${a.revokedByName}`}: {a.revokeReason}
          </p>
        )}
      </td>
      {props.editable && (
        <td>{!a.revokedAt && <RevokeInline ctx={props.ctx} id={a.id} />}</td>
      )}
    </tr>
  );
}

function Evidence(props: { text: string }) {
  const isUrl = /^https?:\/\/\S+$/.test(props.text);
  return (
    <p class="muted small">
      Evidence:{" "}
      {isUrl ? (
        <a href={props.text} rel="noopener noreferrer">
          assessment record
        </a>
      ) : (
        props.text
      )}
    </p>
  );
}

/** A small revoke form folded into the row; the reason is required. */
function RevokeInline(props: { ctx: PageContext; id: number }) {
  const field = `revoke-reason-${props.id}`;
  return (
    <details class="inline-form">
      <summary>Revoke</summary>
      <form method="post" action={`/awards/${props.id}/revoke`}>
        <CsrfField token={props.ctx.csrfToken} />
        <label for={field}>Reason</label>
        <input id={field} name="reason" type="text" required />
        <button type="submit" class="danger">
          Revoke the award
        </button>
      </form>
    </details>
  );
}
