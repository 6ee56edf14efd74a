// The "api" service of the performance journey: an HTTP server instrumented by the official
// @sentry/node SDK with tracing on. POST /api/checkout continues the browser's trace (sentry-trace
// and baggage headers, allowed cross-origin), runs two queries as spans, leaves time nobody
// instrumented, then fails a payment call: an error captured inside that span. GET /flush sends
// what the SDK holds. Prints `port <n>` once listening. CommonJS so NODE_PATH can point at
// tools/node_modules.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  release: 'journey-api@2.0.0',
  environment: 'production',
  tracesSampleRate: 1.0,
});

// Required after init, so the SDK's http instrumentation wraps it.
const http = require('node:http');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const marker = process.env.JOURNEY_MARKER;

const server = http.createServer(async (request, response) => {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Allow-Headers', 'content-type, sentry-trace, baggage');
  if (request.method === 'OPTIONS') {
    response.writeHead(204);
    response.end();
    return;
  }
  if (request.url === '/flush') {
    const flushed = await Sentry.flush(20_000);
    response.end(flushed ? 'flushed' : 'timeout');
    return;
  }
  if (request.url === '/api/checkout' && request.method === 'POST') {
    await Sentry.startSpan({ op: 'db.query', name: 'SELECT * FROM carts WHERE id = $1' }, () => sleep(30));
    await Sentry.startSpan({ op: 'db.query', name: 'SELECT * FROM prices WHERE sku = ANY($1)' }, () => sleep(20));
    await sleep(150);
    await Sentry.startSpan({ op: 'http.client', name: 'POST https://payments.example/charge' }, async () => {
      await sleep(40);
      Sentry.captureException(new Error(`${marker}: payment declined`));
    });
    response.writeHead(502, { 'Content-Type': 'application/json' });
    response.end('{"error":"payment declined"}');
    return;
  }
  response.writeHead(404);
  response.end();
});

server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
