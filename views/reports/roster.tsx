import type { FieldErrors } from "../../src/lib/errors";
import type { MachineChoice } from "../../src/reports/choices";
import type { Roster, RosterGroup } from "../../src/reports/roster-rows";
import { formatCount } from "../../src/reports/format";
import {
  FilterForm,
  MachineAreaFilters,
  MoreNote,
  FiltersInvalid,
  ReportRegion,
  Section,
  type ReportMeta,
} from "./report-page";

type Props = {
  meta: ReportMeta;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  machines: MachineChoice[];
  areas: string[];
  report: Roster | null;
};

export function RosterRegion(props: Props) {
  const { report, errors } = props;
  const invalid = Object.keys(errors).length > 0;
  return (
    <ReportRegion meta={props.meta} form={<RosterFilters {...props} />}>
      {invalid ? (
        <FiltersInvalid />
      ) : report ? (
        report.groups.map((g, i) => <RosterGroupView group={g} index={i} />)
      ) : (
        <p>Choose a machine or an area to see who is cleared for it.</p>
      )}
    </ReportRegion>
  );
}

function RosterFilters(props: Props) {
  const { values: v, errors: e } = props;
  return (
    <FilterForm path={props.meta.path}>
      <MachineAreaFilters
        machines={props.machines}
        areas={props.areas}
        values={v}
        errors={e}
        labels={{
          area: "or an area",
          anyMachine: "Choose a machine",
          anyArea: "Choose an area",
        }}
      />
    </FilterForm>
  );
}

function RosterGroupView(props: { group: RosterGroup; index: number }) {
  const { group: g, index } = props;
  const codes = g.machines.map((m) => `${m.code} (${m.name})`).join(", ");
  const stopped = g.machines.filter((m) => !m.inService);
  return (
    <div class="roster-group">
      <Section title={`Cleared for ${codes}`} id={`cleared-${index}`}>
        <p>
          <strong>Requirement:</strong> {g.requirement}.{" "}
          {!g.clearedMore
            ? `${formatCount(g.cleared.length)} students cleared today.`
            : `At least ${formatCount(g.cleared.length)} students cleared today.`}
        </p>
        {stopped.map((m) => (
          <p class="status status-warn">
            <span aria-hidden="true">⚠</span> {m.code} is out of service
            {m.outOfServiceReason ? `: ${m.outOfServiceReason}` : ""}. The
            roster shows who may use it once it is back.
          </p>
        ))}
        {g.clearedMore && (
          <MoreNote shown={g.cleared.length} noun="cleared students" />
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Number</th>
              <th scope="col">Badge that clears them</th>
              <th scope="col">Issued</th>
              <th scope="col">Expires</th>
              <th scope="col">Assessed by</th>
              <th scope="col">Cleared until</th>
            </tr>
          </thead>
          <tbody>
            {g.cleared.map((c) => (
              <tr>
                <td>
                  {c.name}
                  {c.onlyOn && (
                    <span class="muted"> (only {c.onlyOn.join(", ")})</span>
                  )}
                </td>
                <td>{c.number}</td>
                <td>
                  <Lines items={c.awards.map((a) => a.badge)} />
                </td>
                <td class="date">
                  <Lines items={c.awards.map((a) => a.issuedOn)} />
                </td>
                <td class="date">
                  <Lines items={c.awards.map((a) => a.expiresOn ?? "Never")} />
                </td>
                <td>
                  <Lines items={c.awards.map((a) => a.assessor || "-")} />
                </td>
                <td class="date">{c.clearedUntil ?? "No expiry"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {g.cleared.length === 0 && <p>Nobody is cleared.</p>}
      </Section>

      {!g.listsOneAway && !g.needsNoBadge && (
        <p class="no-print">
          Who is one badge away is on each machine's own roster:{" "}
          {g.machines.map((m, i) => (
            <>
              {i > 0 && ", "}
              <a href={`/reports/roster?machine=${encodeURIComponent(m.code)}`}>
                {m.code}
              </a>
            </>
          ))}
          .
        </p>
      )}

      {g.listsOneAway && (
        <Section title="One badge away" id={`one-away-${index}`}>
          <p class="muted">
            Students who already hold or held a badge toward these machines and
            would be cleared by one more (or a renewed) badge.
          </p>
          {g.oneAwayMore && (
            <MoreNote shown={g.oneAway.length} noun="students one badge away" />
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Number</th>
                <th scope="col">What is missing</th>
              </tr>
            </thead>
            <tbody>
              {g.oneAway.map((o) => (
                <tr>
                  <td>{o.name}</td>
                  <td>{o.number}</td>
                  <td>{o.needs.join(", or ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {g.oneAway.length === 0 && <p>Nobody is one badge away.</p>}
        </Section>
      )}
    </div>
  );
}

function Lines(props: { items: string[] }) {
  if (props.items.length === 0) return <>-</>;
  return (
    <ul class="cell-lines">
      {props.items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}
