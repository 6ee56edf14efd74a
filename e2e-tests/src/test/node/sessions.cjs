// Release health with the official @sentry/node SDK: one session per line of SESSIONS
// ("release user outcome", outcome healthy | errored | crashed), each in a process of its own as
// an application's run is. A healthy run starts a session for its user and ends it (exited); an
// errored one captures a handled error first; a crashed one throws an uncaught exception, which
// the SDK's onUncaughtException integration reports with the session marked crashed before the
// process exits with 1. The SDK's process session is left out so that each run sends exactly the
// session it names.
const { spawnSync } = require('node:child_process');

async function run(release, user, outcome) {
  const Sentry = require('@sentry/node');
  Sentry.init({
    dsn: process.env.FAULTLINE_DSN,
    release,
    environment: 'production',
    integrations: (defaults) => defaults.filter((integration) => integration.name !== 'ProcessSession'),
  });
  Sentry.setUser({ id: user });
  Sentry.startSession();
  if (outcome === 'crashed') {
    setTimeout(() => {
      throw new Error(`release health crash of ${user}`);
    }, 10);
    return;
  }
  if (outcome === 'errored') {
    Sentry.captureException(new Error(`release health error of ${user}`));
    // The session counts the error once the event is processed (asynchronously).
    await Sentry.flush(10000);
  }
  Sentry.endSession();
  await Sentry.close(10000);
}

if (process.env.SESSION_RUN) {
  const [release, user, outcome] = process.env.SESSION_RUN.split(' ');
  run(release, user, outcome);
} else {
  for (const line of (process.env.SESSIONS ?? '').split('\n').filter((text) => text.trim())) {
    const outcome = line.trim().split(' ')[2];
    const child = spawnSync(process.execPath, [__filename], {
      env: { ...process.env, SESSION_RUN: line.trim() },
      encoding: 'utf8',
      timeout: 30000,
    });
    const expected = outcome === 'crashed' ? 1 : 0;
    if (child.status !== expected) {
      console.error(`session ${line}: exit ${child.status}\n${child.stdout}\n${child.stderr}`);
      process.exit(2);
    }
    console.log(`session ${line}: sent`);
  }
}
