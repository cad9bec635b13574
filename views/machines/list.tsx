import { CsrfField, Layout, type PageContext } from "../layout";
import {
  MachineStatus,
  RequirementCheckResult,
  type RequirementWords,
} from "./parts";

export type MachineListItem = {
  code: string;
  name: string;
  inService: boolean;
  outOfServiceReason: string | null;
  capacity: number;
  requirementWords: RequirementWords;
};

export type AreaGroup = {
  area: string;
  closingTime: string | null;
  machines: MachineListItem[];
};

/** A rejected closing time, shown under its area's field. */
export type ClosingError = { area: string; value: string; message: string };

export const MACHINE_STYLES = ["/public/catalog-admin.css"];

/** The machines, one table per area; admins also set closing times. */
export function MachineListPage(props: {
  ctx: PageContext;
  areas: AreaGroup[];
  closingError?: ClosingError;
}) {
  const isAdmin = props.ctx.user?.role === "admin";
  return (
    <Layout title="Machines" ctx={props.ctx} styles={MACHINE_STYLES}>
      <h1>Machines</h1>
      {isAdmin && (
        <p class="actions">
          <a class="button" href="/machines/new">
            New machine
          </a>
        </p>
      )}
      {props.areas.length === 0 && <p class="muted">No machines yet.</p>}
      {props.areas.map((group, i) => (
        <section aria-labelledby={`area-${i}`}>
          <h2 id={`area-${i}`}>{group.area}</h2>
          {isAdmin ? (
            <ClosingTimeForm
              ctx={props.ctx}
              index={i}
              group={group}
              error={
                props.closingError?.area === group.area
                  ? props.closingError
                  : undefined
              }
            />
          ) : (
            group.closingTime && (
              <p class="muted">Closes at {group.closingTime} each day.</p>
            )
          )}
          {group.machines.length > 0 && <MachineTable group={group} />}
        </section>
      ))}
    </Layout>
  );
}

function MachineTable(props: { group: AreaGroup }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Machine</th>
            <th scope="col">Status</th>
            <th scope="col">Requirement</th>
            <th scope="col">Capacity</th>
          </tr>
        </thead>
        <tbody>
          {props.group.machines.map((m) => (
            <tr>
              <td>
                <a href={`/machines/${m.code}`}>{m.code}</a>
                <br />
                {m.name}
              </td>
              <td>
                <MachineStatus
                  inService={m.inService}
                  reason={m.outOfServiceReason}
                />
              </td>
              <td>
                <RequirementCheckResult check={m.requirementWords} />
              </td>
              <td>{m.capacity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClosingTimeForm(props: {
  ctx: PageContext;
  index: number;
  group: AreaGroup;
  error?: ClosingError;
}) {
  const id = `closing-${props.index}`;
  const value = props.error ? props.error.value : props.group.closingTime;
  return (
    <form method="post" action="/machines/area-closing" class="closing-time">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="area" value={props.group.area} />
      <div class={props.error ? "field has-error" : "field"}>
        <label for={id}>Closing time (optional)</label>
        <input
          id={id}
          name="closingTime"
          type="time"
          value={value ?? ""}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ""}`}
        />
        <p class="hint" id={`${id}-hint`}>
          Open sessions in {props.group.area} end at this time. Empty: none.
        </p>
        {props.error && (
          <p class="error" id={`${id}-error`}>
            <span aria-hidden="true">⚠ </span>
            {props.error.message}
          </p>
        )}
      </div>
      <button type="submit" class="secondary">
        Save closing time
        <span class="visually-hidden"> for {props.group.area}</span>
      </button>
    </form>
  );
}
