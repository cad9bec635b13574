import { FormError, SelectField, TextField } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";
import type { FormState } from "../../src/lib/forms";

export type DeviceListItem = {
  id: number;
  name: string;
  kind: "kiosk" | "interlock";
  area: string | null;
  machineCode: string | null;
  createdAt: Date;
  revokedAt: Date | null;
};

export type MachineChoice = { code: string; name: string; area: string };

/** Shown once, right after registering: the secret and how to use it. */
export type NewDevice = {
  name: string;
  kind: "kiosk" | "interlock";
  secret: string;
  pairUrl: string;
};

/** Devices: the list with revoke buttons and the register form. */
export function DevicesPage(props: {
  ctx: PageContext;
  devices: DeviceListItem[];
  machines: MachineChoice[];
  form: FormState;
  created?: NewDevice;
}) {
  return (
    <Layout title="Devices" ctx={props.ctx}>
      <h1>Devices</h1>
      <p>
        Kiosks are browsers where staff scan students; interlocks ask the{" "}
        <a href="/api/v1/docs">device API</a> before a machine switches on.
      </p>
      {props.created && <NewDeviceSecret device={props.created} />}
      <DeviceTable ctx={props.ctx} devices={props.devices} />
      <RegisterForm
        ctx={props.ctx}
        machines={props.machines}
        form={props.form}
      />
    </Layout>
  );
}

function NewDeviceSecret(props: { device: NewDevice }) {
  const { device } = props;
  return (
    <section class="flash" aria-labelledby="new-device" role="status">
      <h2 id="new-device">{`${device.name} is registered`}</h2>
      <p>
        Its secret is shown only this once. Copy it now; if it is lost, revoke
        the device and register it again.
      </p>
      <p>
        <code class="secret">{device.secret}</code>
      </p>
      {device.kind === "kiosk" ? (
        <p>
          Pair the kiosk browser by opening <code>{device.pairUrl}</code> on it,
          or by typing the secret on its pairing page.
        </p>
      ) : (
        <p>
          The interlock sends it with every request as{" "}
          <code>Authorization: Bearer SECRET</code>.
        </p>
      )}
    </section>
  );
}

function DeviceTable(props: { ctx: PageContext; devices: DeviceListItem[] }) {
  if (props.devices.length === 0) {
    return <p class="muted">No devices yet.</p>;
  }
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Area</th>
            <th scope="col">Machine</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {props.devices.map((d) => (
            <tr>
              <td>{d.name}</td>
              <td>{d.kind}</td>
              <td>{d.area ?? "any"}</td>
              <td>{d.machineCode ?? "any"}</td>
              <td>
                {d.revokedAt ? (
                  <span class="status status-muted">
                    <span aria-hidden="true">⊘</span>
                    {`Revoked ${d.revokedAt.toISOString().slice(0, 10)}`}
                  </span>
                ) : (
                  <span class="status status-ok">
                    <span aria-hidden="true">✓</span> Active
                  </span>
                )}
              </td>
              <td>
                {!d.revokedAt && (
                  <form method="post" action={`/admin/devices/${d.id}/revoke`}>
                    <CsrfField token={props.ctx.csrfToken} />
                    <button
                      type="submit"
                      class="danger"
                      aria-label={`Revoke ${d.name}`}
                    >
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RegisterForm(props: {
  ctx: PageContext;
  machines: MachineChoice[];
  form: FormState;
}) {
  const { values, errors } = props.form;
  const areas = [...new Set(props.machines.map((m) => m.area))];
  return (
    <section aria-labelledby="register">
      <h2 id="register">Register a device</h2>
      <form method="post" action="/admin/devices" class="narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={errors._form} />
        <TextField
          name="name"
          label="Name"
          value={values.name}
          error={errors.name}
          hint="Where it stands, e.g. Machine Shop front desk"
          required
        />
        <SelectField
          name="kind"
          label="Kind"
          value={values.kind ?? "kiosk"}
          error={errors.kind}
          options={[
            { value: "kiosk", label: "Kiosk (a browser where staff scan)" },
            { value: "interlock", label: "Interlock (uses the device API)" },
          ]}
        />
        <SelectField
          name="area"
          label="Area"
          value={values.area}
          error={errors.area}
          hint="A shared kiosk serves every machine of its area"
          options={[
            { value: "", label: "Any area" },
            ...areas.map((a) => ({ value: a, label: a })),
          ]}
        />
        <SelectField
          name="machineCode"
          label="Pinned to machine"
          value={values.machineCode}
          error={errors.machineCode}
          hint="A pinned device acts for this one machine only"
          options={[
            { value: "", label: "Not pinned" },
            ...props.machines.map((m) => ({
              value: m.code,
              label: `${m.code} - ${m.name} (${m.area})`,
            })),
          ]}
        />
        <button type="submit">Register</button>
      </form>
    </section>
  );
}
