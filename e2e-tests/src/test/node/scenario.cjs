// The acceptance scenario, sent by the official @sentry/node SDK to the DSN in $FAULTLINE_DSN.
// CommonJS so that NODE_PATH can point at tools/node_modules.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  release: 'e2e@1.0.0',
  environment: 'e2e',
  tracesSampleRate: 0,
});

function chargeCard(order) {
  throw new Error(`Connection reset by peer while charging ${order}`);
}

function checkout(order) {
  try {
    chargeCard(order);
  } catch (cause) {
    throw new Error(`Checkout failed for order ${order}`, { cause });
  }
}

function rejectOrderNumber(number) {
  throw new RangeError(`Order ${number} exceeds the credit limit`);
}

async function main() {
  Sentry.setUser({ id: 'user-42', email: 'alice@example.com' });
  Sentry.setTag('feature', 'checkout');
  Sentry.addBreadcrumb({ category: 'ui.click', message: 'Clicked checkout', level: 'info' });

  // The SDK's dedupe integration drops an event identical to the one just before it, so the
  // repeated exception is sent with the message in between.
  const failCheckout = () => {
    try {
      checkout('ord-1234');
    } catch (error) {
      Sentry.captureException(error);
    }
  };
  failCheckout();
  Sentry.captureMessage(Sentry.parameterize`Cart ${'cart-77'} holds ${3} items`);
  failCheckout();

  for (let number = 1; number <= 20; number++) {
    try {
      rejectOrderNumber(1000 + number * 7);
    } catch (error) {
      Sentry.captureException(error);
    }
  }

  const flushed = await Sentry.flush(20000);
  if (!flushed) {
    console.error('flush timed out');
    process.exit(3);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
