// The kiosk's ready screen: the area's machines as large tiles, each with
// who is on it. Shared kiosks tap a tile to choose the machine.

export type KioskOccupant = {
  sessionId: string;
  studentName: string;
  since: Date;
};

export type KioskMachine = {
  id: number;
  code: string;
  name: string;
  area: string;
  inService: boolean;
  capacity: number;
  occupants: KioskOccupant[];
};

/** "14:05", in the shop's local time. */
export function clockTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Tiles to choose a machine (shared kiosk) or to show it (pinned). */
export function MachineTiles(props: {
  machines: KioskMachine[];
  selectable: boolean;
}) {
  if (props.machines.length === 0) {
    return <p class="kiosk-empty">No machines in this area yet.</p>;
  }
  return (
    <ul class="machine-tiles" role="list">
      {props.machines.map((m) => (
        <li>
          {props.selectable ? (
            <button
              type="button"
              class="machine-tile"
              data-machine={m.code}
              data-machine-name={m.name}
              aria-pressed="false"
            >
              <MachineTileBody machine={m} />
            </button>
          ) : (
            <div class="machine-tile">
              <MachineTileBody machine={m} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function MachineTileBody(props: { machine: KioskMachine }) {
  const m = props.machine;
  return (
    <>
      <span class="tile-name">{m.name}</span>
      <span class="tile-code">{m.code}</span>
      <MachineUse machine={m} />
    </>
  );
}

/** Free, in use or out of service: a pill with icon and words. */
export function MachineStatus(props: { machine: KioskMachine }) {
  const m = props.machine;
  const used = m.occupants.length;
  if (!m.inService) {
    return (
      <span class="status status-bad">
        <span aria-hidden="true">⛔</span> Out of service
      </span>
    );
  }
  if (used === 0) {
    return (
      <span class="status status-ok">
        <span aria-hidden="true">○</span> Free
      </span>
    );
  }
  const words = m.capacity > 1 ? `${used} of ${m.capacity} in use` : "In use";
  return (
    <span
      class={used >= m.capacity ? "status status-warn" : "status status-ok"}
    >
      <span aria-hidden="true">●</span> {words}
    </span>
  );
}

/** The status, then who is on the machine and since when. */
export function MachineUse(props: { machine: KioskMachine }) {
  return (
    <span class="tile-use">
      <MachineStatus machine={props.machine} />
      {props.machine.occupants.map((o) => (
        <span class="tile-occupant">
          {o.studentName} since{" "}
          <time datetime={o.since.toISOString()}>{clockTime(o.since)}</time>
        </span>
      ))}
    </span>
  );
}
