import type { Child } from "hono/jsx";
import type { ApiEndpoint, JsonSchema } from "../../src/api/openapi";
import { Document } from "../layout";

type DocsModel = {
  endpoints: ApiEndpoint[];
  schemas: Record<string, JsonSchema>;
};

const BASE = "/api/v1";

/** The device API in words: endpoints, bodies, answers and their fields. */
export function DocsPage(props: { api: DocsModel }) {
  const { endpoints, schemas } = props.api;
  return (
    <Document title="Device API">
      <main id="main">
        <h1>ShopPass device API</h1>
        <p>
          For interlocks that switch a machine's power, and other devices that
          ask before a machine is used. Every call sends the device's secret,
          shown once when an admin registered the device, as{" "}
          <code>Authorization: Bearer SECRET</code>. Bodies and answers are
          JSON. The same description as OpenAPI 3.1:{" "}
          <a href={`${BASE}/openapi.json`}>{`${BASE}/openapi.json`}</a>.
        </p>
        <nav aria-label="Endpoints">
          <ul>
            {endpoints.map((e) => (
              <li>
                <a href={`#${anchor(e)}`}>
                  <code>{`${e.method.toUpperCase()} ${BASE}${e.path}`}</code>
                </a>{" "}
                {e.summary}
              </li>
            ))}
          </ul>
        </nav>
        {endpoints.map((e) => (
          <Endpoint endpoint={e} schemas={schemas} />
        ))}
        <h2>Schemas</h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <section aria-labelledby={`schema-${name}`}>
            <h3 id={`schema-${name}`}>{name}</h3>
            {typeof schema.description === "string" && (
              <p>{schema.description}</p>
            )}
            <Fields schema={schema} />
          </section>
        ))}
      </main>
    </Document>
  );
}

function anchor(e: ApiEndpoint) {
  return `${e.method}-${e.path.replace(/[^a-z]+/g, "-")}`;
}

function Endpoint(props: {
  endpoint: ApiEndpoint;
  schemas: Record<string, JsonSchema>;
}) {
  const e = props.endpoint;
  return (
    <section aria-labelledby={anchor(e)}>
      <h2 id={anchor(e)}>
        <code>{`${e.method.toUpperCase()} ${BASE}${e.path}`}</code>
      </h2>
      <p>
        <strong>
          {/[.?!]$/.test(e.summary) ? e.summary : `${e.summary}.`}
        </strong>{" "}
        {e.description}
      </p>
      {e.pathParams?.map((p) => (
        <p>
          Path parameter <code>{p.name}</code>: {p.description}.
        </p>
      ))}
      {e.body && (
        <>
          <h3>Body</h3>
          <p>
            <SchemaLink name={e.body} />
          </p>
          <Fields schema={props.schemas[e.body] ?? {}} />
        </>
      )}
      <h3>Answers</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">When</th>
              <th scope="col">Body</th>
            </tr>
          </thead>
          <tbody>
            {e.responses.map((r) => (
              <tr>
                <td>{r.status}</td>
                <td>{r.description}</td>
                <td>
                  {[r.schema].flat().map((name, i) => (
                    <>
                      {i > 0 && " or "}
                      <SchemaLink name={name} />
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SchemaLink(props: { name: string }) {
  return <a href={`#schema-${props.name}`}>{props.name}</a>;
}

// An object's fields as a table; nested objects get their own table.
function Fields(props: { schema: JsonSchema }) {
  const properties = props.schema.properties as
    Record<string, JsonSchema> | undefined;
  if (!properties) return <p>{typeLabel(props.schema)}</p>;
  const required = new Set((props.schema.required as string[]) ?? []);
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(properties).map(([name, field]) => (
            <tr>
              <td>
                <code>{name}</code>
              </td>
              <td>{typeLabel(field)}</td>
              <td>{required.has(name) ? "yes" : "no"}</td>
              <td>{describe(field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function describe(s: JsonSchema): Child {
  const words = typeof s.description === "string" ? s.description : "";
  const examples = Array.isArray(s.examples) ? s.examples : [];
  return (
    <>
      {words}
      {examples.length > 0 && (
        <>
          {words ? " (e.g. " : "e.g. "}
          <code>{JSON.stringify(examples[0])}</code>
          {words && ")"}
        </>
      )}
    </>
  );
}

function typeLabel(s: JsonSchema): Child {
  if (typeof s.$ref === "string") {
    return <SchemaLink name={s.$ref.split("/").pop()!} />;
  }
  if (Array.isArray(s.anyOf)) {
    const parts = (s.anyOf as JsonSchema[]).map(typeLabel);
    return <>{parts.flatMap((p, i) => (i === 0 ? [p] : [" or ", p]))}</>;
  }
  if (s.const !== undefined) return <code>{JSON.stringify(s.const)}</code>;
  if (Array.isArray(s.enum)) {
    return <>one of {s.enum.map((v) => JSON.stringify(v)).join(", ")}</>;
  }
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const base = types.filter((t) => t !== "null")[0];
  const nullable = types.includes("null") ? " or null" : "";
  if (base === "array") {
    return (
      <>
        list of {typeLabel((s.items as JsonSchema) ?? {})}
        {nullable}
      </>
    );
  }
  if (base === "object") {
    return (
      <>
        object{nullable}
        <Fields schema={s} />
      </>
    );
  }
  const format = typeof s.format === "string" ? ` (${s.format})` : "";
  return `${String(base ?? "any")}${format}${nullable}`;
}
