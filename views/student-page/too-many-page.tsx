import { Document } from "../layout";

/** A plain page for a client that asked too often. */
export function TooManyRequestsPage(props: { retryAfter: number }) {
  return (
    <Document title="Too many requests" noindex>
      <main id="main">
        <h1>Too many requests</h1>
        <p>
          Please wait {props.retryAfter}{" "}
          {props.retryAfter === 1 ? "second" : "seconds"} and try again.
        </p>
      </main>
    </Document>
  );
}
