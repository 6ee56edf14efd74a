// Sends several errors through the official @sentry/node SDK to $FAULTLINE_DSN, as listed in
// $JOURNEY_ERRORS: a JSON array of {"title": "...", "tags": {"k": "v"}, "count": n}. Each title
// gets its own fingerprint, so each becomes its own issue with `count` events.
// CommonJS so that NODE_PATH can point at tools/node_modules.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  release: 'triage@1.0.0',
  environment: 'e2e',
  tracesSampleRate: 0,
  // Dedupe would drop the repeats of an error: each of them is meant as one more event.
  integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Dedupe'),
});

function fail(title) {
  throw new Error(title);
}

async function main() {
  const errors = JSON.parse(process.env.JOURNEY_ERRORS ?? '[]');
  Sentry.setUser({ id: 'user-8', email: 'carol@example.com' });
  for (const { title, tags = {}, count = 1 } of errors) {
    for (let i = 0; i < count; i++) {
      Sentry.withScope((scope) => {
        scope.setTags(tags);
        scope.setFingerprint([title]);
        try {
          fail(title);
        } catch (error) {
          Sentry.captureException(error);
        }
      });
    }
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
