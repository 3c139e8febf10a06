/**
 * autocannon against one GraphQL operation, in its own process (spawned by load.bench.ts) so the load
 * generator does not share the server's event loop. Counts GraphQL errors in 200 responses too.
 */
import autocannon from 'autocannon';
import { childArgs, reply } from './support/child';

export interface LoadChildArgs {
  url: string;
  query: string;
  variables: Record<string, unknown>;
  connections: number;
  seconds: number;
}

export interface LoadChildResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  graphqlErrors: number;
  seconds: number;
}

async function main(): Promise<void> {
  const a = childArgs<LoadChildArgs>();
  let graphqlErrors = 0;
  let responses = 0;
  const result = await autocannon({
    url: a.url,
    connections: a.connections,
    duration: a.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: a.query, variables: a.variables }),
        onResponse: (_status, body) => {
          responses++;
          if (!body.startsWith('{"data"') || body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  if (responses === 0) throw new Error('no response was received');
  reply({
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
    graphqlErrors,
    seconds: result.duration,
  } satisfies LoadChildResult);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
