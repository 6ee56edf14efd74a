// Sends one crash through the official @sentry/node SDK carrying what the issue page shows in full:
// local variables (includeLocalVariables), context lines, an unhandled mechanism, a request (the
// SDK's own http integration, from a request to a server started here), modules, extra data (a
// password the server scrubs, so _meta says so), a user, tags, the SDK's contexts and breadcrumbs of
// every type: http (the SDK's, from an outgoing request), navigation, query and console (the SDK's,
// from console.warn). The title carries $JOURNEY_MARKER. CommonJS so that NODE_PATH can point at
// tools/node_modules.
const http = require('node:http');
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  release: 'journey-node@3.1.0',
  environment: 'production',
  serverName: 'node-host-1',
  includeLocalVariables: true,
  sendDefaultPii: true,
  tracesSampleRate: 0,
  // The local-variables integration reads frames through the inspector on a worker that starts
  // after init: an exception thrown before it is ready has no vars. Only the first event that has
  // them is sent (the handler throws again until then), so the issue holds one complete event.
  beforeSend(event) {
    const frames = (event.exception?.values ?? []).flatMap((value) => value.stacktrace?.frames ?? []);
    if (!frames.some((frame) => frame.vars && Object.keys(frame.vars).length > 0)) {
      return null;
    }
    sentWithVars = true;
    return event;
  },
});

let sentWithVars = false;

function reserveStock(sku, quantity) {
  const warehouse = 'eu-west';
  const available = quantity - 5;
  if (available < 0) {
    throw new RangeError(`${process.env.JOURNEY_MARKER}: only ${quantity} of ${sku} left in ${warehouse}`);
  }
  return available;
}

async function main() {
  const server = http.createServer((request, response) => {
    if (request.url === '/warmup') {
      response.end('ok');
      return;
    }
    Sentry.setUser({ id: 'node-user-1', email: 'nick@example.com' });
    Sentry.setTag('journey', 'event-in-full');
    Sentry.setExtra('cart', { items: 3, coupon: 'SPRING' });
    Sentry.setExtra('password', 'hunter2');
    Sentry.addBreadcrumb({ type: 'navigation', category: 'navigation', data: { from: '/cart', to: '/checkout' } });
    Sentry.addBreadcrumb({ type: 'query', category: 'db.sql.query', message: 'SELECT sku, stock FROM inventory WHERE sku = $1' });
    console.warn('stock running low for sku-42');
    (async () => {
      for (let attempt = 0; attempt < 100 && !sentWithVars; attempt++) {
        try {
          reserveStock('sku-42', 2);
        } catch (error) {
          Sentry.captureException(error, { mechanism: { type: 'journey.reserve', handled: false } });
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      response.end(sentWithVars ? 'sent' : 'no local variables');
    })();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // An outgoing request first: the SDK records it as an http breadcrumb.
  await fetch(`http://127.0.0.1:${port}/warmup`).then((r) => r.text());
  const answer = await fetch(`http://127.0.0.1:${port}/api/stock?sku=sku-42&check=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: 'session=n0de; theme=light', 'X-Request-Id': 'req-node-7' },
    body: JSON.stringify({ sku: 'sku-42', quantity: 2 }),
  }).then((r) => r.text());
  if (answer !== 'sent') {
    console.error(`the event was not sent: ${answer}`);
    process.exit(4);
  }
  server.close();
  if (!(await Sentry.flush(20000))) {
    console.error('flush timed out');
    process.exit(3);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
