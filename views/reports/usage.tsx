import type { FieldErrors } from "../../src/lib/errors";
import type { MachineChoice } from "../../src/reports/choices";
import {
  formatCount,
  formatHours,
  formatMinutes,
  localStamp,
} from "../../src/reports/format";
import type { UsageReport } from "../../src/reports/usage";
import { TextField } from "../fields";
import {
  CappedNote,
  FilterForm,
  MachineAreaFilters,
  FiltersInvalid,
  ReportRegion,
  Section,
  Summary,
  type ReportMeta,
} from "./report-page";

type Props = {
  meta: ReportMeta;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  machines: MachineChoice[];
  areas: string[];
  report: UsageReport | null;
  shown: { sessions: number; students: number };
};

export function UsageRegion(props: Props) {
  const { report } = props;
  return (
    <ReportRegion meta={props.meta} form={<UsageFilters {...props} />}>
      {report ? (
        <UsageBody report={report} shown={props.shown} />
      ) : (
        <FiltersInvalid />
      )}
    </ReportRegion>
  );
}

function UsageFilters(props: Props) {
  const { values: v, errors: e } = props;
  return (
    <FilterForm path={props.meta.path}>
      <TextField
        name="from"
        label="From"
        type="date"
        value={v.from}
        error={e.from}
      />
      <TextField name="to" label="To" type="date" value={v.to} error={e.to} />
      <MachineAreaFilters
        machines={props.machines}
        areas={props.areas}
        values={v}
        errors={e}
        labels={{
          area: "Area",
          anyMachine: "All machines",
          anyArea: "All areas",
        }}
      />
    </FilterForm>
  );
}

function UsageBody(props: {
  report: UsageReport;
  shown: { sessions: number; students: number };
}) {
  const { report: r } = props;
  const busiest = Math.max(...r.byHour.map((h) => h.minutes), 1);
  const top = new Set(
    [...r.byHour]
      .filter((h) => h.minutes > 0)
      .sort((a, b) => b.minutes - a.minutes)
      .slice(0, 3)
      .map((h) => h.hour),
  );
  return (
    <>
      <Summary
        items={[
          ["Sessions", formatCount(r.totals.sessions)],
          ["Hours of use", formatHours(r.totals.minutes)],
          ["Students", formatCount(r.totals.students)],
          ["Still open", formatCount(r.totals.open)],
        ]}
      />

      <Section title="Totals per machine" id="per-machine">
        <table>
          <thead>
            <tr>
              <th scope="col">Machine</th>
              <th scope="col">Name</th>
              <th scope="col">Area</th>
              <th scope="col" class="num">
                Sessions
              </th>
              <th scope="col" class="num">
                Hours
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byMachine.map((m) => (
              <tr>
                <td>{m.code}</td>
                <td>{m.name}</td>
                <td>{m.area}</td>
                <td class="num">{formatCount(m.sessions)}</td>
                <td class="num">{formatHours(m.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.byMachine.length === 0 && <p>No sessions in this period.</p>}
      </Section>

      <Section title="Busiest hours of the day" id="per-hour">
        <table class="hours">
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col" class="num">
                Sessions started
              </th>
              <th scope="col" class="num">
                Hours in use
              </th>
              <th scope="col">
                <span class="visually-hidden">Share of the busiest hour</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byHour.map((h) => (
              <tr>
                <td>
                  {hourLabel(h.hour)}
                  {top.has(h.hour) && <strong> (one of the 3 busiest)</strong>}
                </td>
                <td class="num">{formatCount(h.started)}</td>
                <td class="num">{formatHours(h.minutes)}</td>
                <td>
                  <meter
                    min={0}
                    max={busiest}
                    value={h.minutes}
                    aria-label={`${hourLabel(h.hour)}: ${Math.round((100 * h.minutes) / busiest)}% of the busiest hour`}
                  ></meter>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Totals per student" id="per-student">
        <CappedNote
          shown={props.shown.students}
          total={r.totals.students}
          noun="students (those with the most hours)"
        />
        <table>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Number</th>
              <th scope="col" class="num">
                Sessions
              </th>
              <th scope="col" class="num">
                Hours
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byStudent.map((s) => (
              <tr>
                <td>{s.name}</td>
                <td>{s.number}</td>
                <td class="num">{formatCount(s.sessions)}</td>
                <td class="num">{formatHours(s.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Sessions" id="sessions">
        <CappedNote
          shown={props.shown.sessions}
          total={r.totals.sessions}
          noun="sessions"
        />
        <table>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Ended</th>
              <th scope="col" class="num">
                Duration
              </th>
              <th scope="col">Machine</th>
              <th scope="col">Student</th>
              <th scope="col">Number</th>
            </tr>
          </thead>
          <tbody>
            {r.sessions.map((s) => (
              <tr>
                <td class="date">{localStamp(s.startedAt)}</td>
                <td class="date">
                  {s.endedAt ? localStamp(s.endedAt) : "Still open"}
                </td>
                <td class="num">
                  {s.endedAt
                    ? formatMinutes(
                        (s.endedAt.getTime() - s.startedAt.getTime()) / 60_000,
                      )
                    : "-"}
                </td>
                <td>{s.machineCode}</td>
                <td>
                  {s.lastName}, {s.firstName}
                </td>
                <td>{s.studentNumber}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}

function hourLabel(hour: number): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(hour)}:00-${p((hour + 1) % 24)}:00`;
}
