import type { FormState } from "../../src/lib/forms";
import { FormError, TextField } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";
import { MACHINE_STYLES } from "./list";
import {
  MachineStatus,
  RequirementCheckResult,
  type RequirementWords,
} from "./parts";

export type MachineDetail = {
  code: string;
  name: string;
  area: string;
  inService: boolean;
  outOfServiceReason: string | null;
  capacity: number;
  requirement: string;
  requirementWords: RequirementWords;
};

/** A machine's facts, its requirement, and the service switch. */
export function MachineDetailPage(props: {
  ctx: PageContext;
  machine: MachineDetail;
  serviceForm?: FormState<{ reason: string }>;
}) {
  const m = props.machine;
  const role = props.ctx.user?.role;
  return (
    <Layout
      title={`${m.code} ${m.name}`}
      ctx={props.ctx}
      styles={MACHINE_STYLES}
    >
      <p>
        <a href="/machines">All machines</a>
      </p>
      <h1>
        {m.code} <span class="muted">{m.name}</span>
      </h1>
      <dl class="facts">
        <dt>Area</dt>
        <dd>{m.area}</dd>
        <dt>Capacity</dt>
        <dd>
          {m.capacity} {m.capacity === 1 ? "student" : "students"} at once
        </dd>
        <dt>Requirement</dt>
        <dd>
          <RequirementCheckResult check={m.requirementWords} />
        </dd>
        <dt>Expression</dt>
        <dd>
          {m.requirement ? (
            <code>{m.requirement}</code>
          ) : (
            <span class="muted">none</span>
          )}
        </dd>
      </dl>
      <ServicePanel ctx={props.ctx} machine={m} form={props.serviceForm} />
      <p class="actions">
        <a class="button secondary" href={`/machines/${m.code}/tag`}>
          Print machine tag
        </a>
        {role === "admin" && (
          <a class="button secondary" href={`/machines/${m.code}/edit`}>
            Edit machine
          </a>
        )}
      </p>
    </Layout>
  );
}

/** The status and its switch: the htmx partial of the service form. */
export function ServicePanel(props: {
  ctx: PageContext;
  machine: MachineDetail;
  form?: FormState<{ reason: string }>;
}) {
  const m = props.machine;
  const mayChange = props.ctx.user?.role !== "staff";
  const action = `/machines/${m.code}/service`;
  return (
    <section id="machine-status" aria-labelledby="machine-status-title">
      <h2 id="machine-status-title">Status</h2>
      <p>
        <MachineStatus inService={m.inService} reason={m.outOfServiceReason} />
      </p>
      {mayChange && (
        <form
          method="post"
          action={action}
          class="narrow"
          hx-post={action}
          hx-target="#machine-status"
          hx-swap="outerHTML"
        >
          <CsrfField token={props.ctx.csrfToken} />
          <FormError message={props.form?.errors.status} />
          {m.inService ? (
            <>
              <input type="hidden" name="status" value="out-of-service" />
              <TextField
                name="reason"
                label="Reason for taking it out of service"
                value={props.form?.values.reason}
                error={props.form?.errors.reason}
                required
              />
              <button type="submit" class="danger">
                Take out of service
              </button>
            </>
          ) : (
            <>
              <input type="hidden" name="status" value="in-service" />
              <button type="submit">Put back in service</button>
            </>
          )}
        </form>
      )}
    </section>
  );
}
