import type { AuditRow } from "../../src/audit/queries";
import type { Clearance, MachineInfo } from "../../src/clearance/types";
import { AuditTable } from "../audit/entries";
import { AwardTable, type AwardRowData } from "../awards/award-table";
import {
  HoldTable,
  type HoldRowData,
  type LiftFormState,
} from "../holds/hold-table";
import { Layout, type PageContext } from "../layout";
import { ClearanceTable } from "./clearance-table";
import { StudentStatus } from "./list";
import { CanEdit, studentHref, RECORD_STYLES } from "./parts";

export type StudentRecord = {
  at: string;
  student: {
    id: number;
    number: string;
    firstName: string;
    lastName: string;
    email: string;
    status: "active" | "inactive";
    createdAt: Date;
  };
  awards: AwardRowData[];
  holds: HoldRowData[];
  areas: {
    area: string;
    rows: { machine: MachineInfo; clearance: Clearance }[];
  }[];
  history: AuditRow[];
};

/** A student's record: facts, awards, clearances, holds and history. */
export function StudentPage(props: {
  ctx: PageContext;
  record: StudentRecord;
  lift?: LiftFormState;
}) {
  const { student, awards, holds, areas, history } = props.record;
  const name = `${student.firstName} ${student.lastName}`;
  const href = (rest: string) => studentHref(student.number, rest);
  return (
    <Layout title={name} ctx={props.ctx} styles={RECORD_STYLES}>
      <p class="breadcrumb">
        <a href="/students">Students</a>
      </p>
      <h1>{name}</h1>
      <dl class="facts">
        <dt>Student number</dt>
        <dd>{student.number}</dd>
        <dt>Email</dt>
        <dd>{student.email}</dd>
        <dt>Status</dt>
        <dd>
          <StudentStatus status={student.status} />
        </dd>
      </dl>
      <nav class="actions" aria-label="Student actions">
        <CanEdit ctx={props.ctx}>
          <a class="button" href={href("/awards/new")}>
            Award a badge
          </a>
          <a class="button" href={href("/holds/new")}>
            Place a hold
          </a>
          <a class="button secondary" href={href("/edit")}>
            Edit details
          </a>
        </CanEdit>
        <a class="button secondary" href={href("/card")}>
          Print card
        </a>
        <a class="button secondary" href={href("/card/replace")}>
          Replace card
        </a>
      </nav>

      <section aria-labelledby="awards-heading">
        <h2 id="awards-heading">Awards</h2>
        <AwardTable ctx={props.ctx} awards={awards} />
      </section>

      <section aria-labelledby="clearance-heading">
        <h2 id="clearance-heading">Clearance on {props.record.at}</h2>
        {areas.length === 0 ? (
          <p>The shop has no machines yet.</p>
        ) : (
          areas.map((group) => (
            <ClearanceTable area={group.area} rows={group.rows} />
          ))
        )}
      </section>

      <section aria-labelledby="holds-heading">
        <h2 id="holds-heading">Holds</h2>
        <HoldTable ctx={props.ctx} holds={holds} lift={props.lift} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {history.length === 0 ? (
          <p>No changes recorded.</p>
        ) : (
          <AuditTable rows={history} caption="History of this student" />
        )}
        <CanEdit ctx={props.ctx}>
          <p>
            <a href={`/audit?entityType=student&entityId=${student.id}`}>
              This student's record in the audit log
            </a>
          </p>
        </CanEdit>
      </section>
    </Layout>
  );
}
