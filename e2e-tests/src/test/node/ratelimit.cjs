// Rate-limit backoff, sent by the official @sentry/node SDK to the DSN in $FAULTLINE_DSN,
// whose key allows one error: the second error gets a 429, the SDK then drops the next
// three itself and reports them (ratelimit_backoff) in the client report sent on flush.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  tracesSampleRate: 0,
  sendClientReports: true,
});

async function main() {
  Sentry.captureException(new Error('accepted error'));
  await Sentry.flush(10000);
  Sentry.captureException(new Error('refused error'));
  await Sentry.flush(10000);
  for (let i = 0; i < 3; i++) {
    Sentry.captureException(new Error(`dropped by the SDK ${i}`));
  }
  // NodeClient.flush sends the pending client report.
  await Sentry.flush(10000);
  await Sentry.close(10000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
