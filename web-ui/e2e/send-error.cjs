// Sends one error, with a breadcrumb and a chained cause, through the official @sentry/node SDK
// to $FAULTLINE_DSN. The message carries $JOURNEY_MARKER so the journey can find its issue.
// CommonJS so that NODE_PATH can point at tools/node_modules.
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.FAULTLINE_DSN, release: 'journey@1.0.0', environment: 'e2e', tracesSampleRate: 0 });

function chargeCard(order) {
  throw new Error(`Card declined for ${order}`);
}

function checkout(order) {
  try {
    chargeCard(order);
  } catch (cause) {
    throw new Error(`Journey checkout failed ${process.env.JOURNEY_MARKER}`, { cause });
  }
}

async function main() {
  Sentry.setUser({ id: 'user-7', email: 'bob@example.com' });
  Sentry.setTag('journey', 'web-ui');
  Sentry.addBreadcrumb({ category: 'ui.click', message: 'Journey clicked pay', level: 'info' });
  try {
    checkout('ord-77');
  } catch (error) {
    Sentry.captureException(error);
  }
  if (!(await Sentry.flush(20000))) {
    console.error('flush timed out');
    process.exit(3);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
