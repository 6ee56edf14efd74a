// Two services instrumented by the official @sentry/node SDK (span streaming, its default),
// each with its own DSN, so one trace crosses two projects:
//   node trace-services.cjs back   — $FAULTLINE_DSN, listens on $BACK_PORT; GET /charge runs a
//                                    db span and captures an error inside it; GET /shutdown
//                                    flushes and exits.
//   node trace-services.cjs front  — $FAULTLINE_DSN, listens on $FRONT_PORT; GET /checkout calls
//                                    the back service's /charge; the script requests its own
//                                    /checkout once, shuts the back service down, flushes, exits.
// CommonJS so that NODE_PATH can point at tools/node_modules; node:http is required after
// Sentry.init so the SDK's HTTP instrumentation patches it.
const Sentry = require('@sentry/node');

const role = process.argv[2];
Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  release: 'e2e-trace@1.0.0',
  environment: 'e2e',
  tracesSampleRate: 1.0,
  serverName: role,
});
const http = require('node:http');

function get(port, path) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('error', reject);
  });
}

async function back() {
  const server = http.createServer(async (request, response) => {
    if (request.url === '/charge') {
      await Sentry.startSpan({ name: 'UPDATE balances SET amount = amount - ?', op: 'db.query' }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 15));
        Sentry.captureException(new Error('Card declined for order ord-77'));
      });
      response.writeHead(402, { 'content-type': 'text/plain' });
      response.end('declined');
      return;
    }
    if (request.url === '/shutdown') {
      response.end('bye');
      const flushed = await Sentry.flush(20000);
      server.close();
      process.exit(flushed ? 0 : 3);
    }
    response.writeHead(404);
    response.end();
  });
  server.listen(Number(process.env.BACK_PORT), '127.0.0.1', () => console.log('ready'));
}

async function front() {
  const backPort = Number(process.env.BACK_PORT);
  const server = http.createServer(async (request, response) => {
    if (request.url === '/checkout') {
      const charged = await Sentry.startSpan({ name: 'charge the card', op: 'function' }, () =>
        get(backPort, '/charge'),
      );
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`charged: ${charged.status}`);
      return;
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise((resolve) => server.listen(Number(process.env.FRONT_PORT), '127.0.0.1', resolve));
  const answer = await get(Number(process.env.FRONT_PORT), '/checkout');
  console.log(`checkout answered ${answer.status} ${answer.body}`);
  server.close();
  // Let the server span end before flushing.
  await new Promise((resolve) => setTimeout(resolve, 200));
  // The shutdown request starts a trace of its own: it is not part of the checkout.
  await Sentry.startNewTrace(() => get(backPort, '/shutdown'));
  const flushed = await Sentry.flush(20000);
  process.exit(flushed ? 0 : 3);
}

(role === 'back' ? back() : front()).catch((error) => {
  console.error(error);
  process.exit(2);
});
