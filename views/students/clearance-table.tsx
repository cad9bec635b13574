import type { Clearance, MachineInfo } from "../../src/clearance/types";
import { ClearanceStatus } from "../clearance/clearance-status";
import { ReasonList } from "../clearance/reason-list";

/** One area's machines: cleared or not, and every reason why not. */
export function ClearanceTable(props: {
  area: string;
  rows: { machine: MachineInfo; clearance: Clearance }[];
}) {
  return (
    <div class="table-wrap">
      <table class="clearance">
        <caption>{props.area}</caption>
        <thead>
          <tr>
            <th scope="col">Machine</th>
            <th scope="col">Clearance</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ machine, clearance }) => (
            <tr>
              <th scope="row">
                {machine.code} <span class="muted">{machine.name}</span>
              </th>
              <td>
                <ClearanceStatus cleared={clearance.cleared} />
              </td>
              <td>
                {clearance.cleared ? (
                  <ClearedNote clearance={clearance} />
                ) : (
                  <ReasonList reasons={clearance.reasons} showStaffDetail />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClearedNote(props: { clearance: Clearance }) {
  const { satisfiedBy, earliestExpiry } = props.clearance;
  if (satisfiedBy.length === 0) return <>No badge needed.</>;
  return earliestExpiry ? (
    <>Cleared until {earliestExpiry}.</>
  ) : (
    <>Cleared; the badges do not expire.</>
  );
}
