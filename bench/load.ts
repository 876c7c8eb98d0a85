import autocannon from 'autocannon';

/**
 * The load generator, run as its own process so that it does not share an
 * event loop (or a CPU's worth of JSON work) with the server it measures.
 * Reads its options as JSON from argv, prints the result as one JSON line.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  headers: Record<string, string>;
};
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.duration,
  timeout: options.timeout ?? 10,
  headers: options.headers,
});
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
