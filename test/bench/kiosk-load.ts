// The load generator of `npm run bench:kiosk`, in its own process so that
// it does not share the server's event loop. It receives one job over IPC,
// runs autocannon and sends the result back.
import autocannon from "autocannon";

export type LoadJob = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  bodies: string[]; // cycled through, one per request, across connections
  connections: number;
  duration: number; // seconds
  // requests per second over all connections; unset = as fast as answered
  overallRate?: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
};

async function runJob(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    pipelining: 1,
    duration: job.duration,
    ...(job.overallRate ? { overallRate: job.overallRate } : {}),
    requests: [
      {
        method: job.method,
        headers: job.headers,
        // a shared counter spreads students and machines over connections
        setupRequest: (request) => {
          if (job.bodies.length === 0) return request;
          const body = job.bodies[next++ % job.bodies.length];
          return { ...request, body };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

process.on("message", (job: LoadJob) => {
  runJob(job).then(
    (result) => process.send!(result),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
});
