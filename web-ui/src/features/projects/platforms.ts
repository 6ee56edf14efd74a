// Platforms offered when creating a project, and the setup snippet shown for each.

export interface Platform {
  id: string;
  name: string;
  install: string;
  snippet: (dsn: string) => string;
}

const RELEASE = 'my-app@1.0.0';

export const PLATFORMS: Platform[] = [
  {
    id: 'java',
    name: 'Java',
    install: 'Maven: io.sentry:sentry (8.x)',
    snippet: (dsn) => `import io.sentry.Sentry;

Sentry.init(options -> {
    options.setDsn("${dsn}");
    options.setRelease("${RELEASE}");
    options.setEnvironment("production");
    options.setTracesSampleRate(1.0);
});

try {
    throw new IllegalStateException("Hello from Faultline");
} catch (Exception e) {
    Sentry.captureException(e);
}`,
  },
  {
    id: 'java-spring-boot',
    name: 'Spring Boot',
    install: 'Maven: io.sentry:sentry-spring-boot-starter-jakarta (8.x)',
    snippet: (dsn) => `# application.properties
sentry.dsn=${dsn}
sentry.release=${RELEASE}
sentry.environment=production
sentry.traces-sample-rate=1.0
sentry.send-default-pii=true

// Unhandled controller exceptions are reported; anything else with:
// Sentry.captureException(exception);`,
  },
  {
    id: 'python',
    name: 'Python',
    install: 'pip install sentry-sdk',
    snippet: (dsn) => `import sentry_sdk

sentry_sdk.init(
    dsn="${dsn}",
    release="${RELEASE}",
    environment="production",
    traces_sample_rate=1.0,
)

try:
    1 / 0
except ZeroDivisionError as error:
    sentry_sdk.capture_exception(error)`,
  },
  {
    id: 'python-django',
    name: 'Django',
    install: 'pip install "sentry-sdk[django]"',
    snippet: (dsn) => `# settings.py
import sentry_sdk

sentry_sdk.init(
    dsn="${dsn}",
    release="${RELEASE}",
    environment="production",
    traces_sample_rate=1.0,
    send_default_pii=True,
)
# The Django integration is enabled automatically: unhandled view errors are reported.`,
  },
  {
    id: 'python-flask',
    name: 'Flask',
    install: 'pip install "sentry-sdk[flask]"',
    snippet: (dsn) => `import sentry_sdk
from flask import Flask

sentry_sdk.init(
    dsn="${dsn}",
    release="${RELEASE}",
    environment="production",
    traces_sample_rate=1.0,
)

app = Flask(__name__)

@app.route("/debug-sentry")
def trigger_error():
    1 / 0`,
  },
  {
    id: 'node',
    name: 'Node.js',
    install: 'npm install @sentry/node',
    snippet: (dsn) => `const Sentry = require("@sentry/node");

Sentry.init({
  dsn: "${dsn}",
  release: "${RELEASE}",
  environment: "production",
  tracesSampleRate: 1.0,
});

Sentry.captureException(new Error("Hello from Faultline"));
await Sentry.flush(2000);`,
  },
  {
    id: 'node-express',
    name: 'Express',
    install: 'npm install @sentry/node express',
    snippet: (dsn) => `// instrument.js, required before anything else
const Sentry = require("@sentry/node");
Sentry.init({
  dsn: "${dsn}",
  release: "${RELEASE}",
  environment: "production",
  tracesSampleRate: 1.0,
});

// app.js
require("./instrument");
const express = require("express");
const app = express();
app.get("/debug-sentry", () => { throw new Error("Hello from Faultline"); });
Sentry.setupExpressErrorHandler(app);
app.listen(3000);`,
  },
  {
    id: 'javascript',
    name: 'Browser JavaScript',
    install: 'npm install @sentry/browser',
    snippet: (dsn) => `import * as Sentry from "@sentry/browser";

Sentry.init({
  dsn: "${dsn}",
  release: "${RELEASE}",
  environment: "production",
  integrations: [Sentry.browserTracingIntegration()],
  tracesSampleRate: 1.0,
});

Sentry.captureException(new Error("Hello from Faultline"));`,
  },
  {
    id: 'javascript-react',
    name: 'React',
    install: 'npm install @sentry/react',
    snippet: (dsn) => `import * as Sentry from "@sentry/react";

Sentry.init({
  dsn: "${dsn}",
  release: "${RELEASE}",
  environment: "production",
  integrations: [Sentry.browserTracingIntegration()],
  tracesSampleRate: 1.0,
});

// Render errors of the tree below are reported:
<Sentry.ErrorBoundary fallback={<p>Something went wrong.</p>}>
  <App />
</Sentry.ErrorBoundary>`,
  },
  {
    id: 'go',
    name: 'Go',
    install: 'go get github.com/getsentry/sentry-go',
    snippet: (dsn) => `import (
    "errors"
    "time"

    "github.com/getsentry/sentry-go"
)

func main() {
    err := sentry.Init(sentry.ClientOptions{
        Dsn:              "${dsn}",
        Release:          "${RELEASE}",
        Environment:      "production",
        EnableTracing:    true,
        TracesSampleRate: 1.0,
    })
    if err != nil {
        panic(err)
    }
    defer sentry.Flush(2 * time.Second)
    sentry.CaptureException(errors.New("Hello from Faultline"))
}`,
  },
  {
    id: 'csharp',
    name: '.NET',
    install: 'dotnet add package Sentry',
    snippet: (dsn) => `using Sentry;

using (SentrySdk.Init(options =>
{
    options.Dsn = "${dsn}";
    options.Release = "${RELEASE}";
    options.Environment = "production";
    options.TracesSampleRate = 1.0;
}))
{
    SentrySdk.CaptureException(new InvalidOperationException("Hello from Faultline"));
}`,
  },
  {
    id: 'ruby',
    name: 'Ruby',
    install: 'gem install sentry-ruby',
    snippet: (dsn) => `require "sentry-ruby"

Sentry.init do |config|
  config.dsn = "${dsn}"
  config.release = "${RELEASE}"
  config.environment = "production"
  config.traces_sample_rate = 1.0
end

begin
  1 / 0
rescue ZeroDivisionError => exception
  Sentry.capture_exception(exception)
end`,
  },
  {
    id: 'php',
    name: 'PHP',
    install: 'composer require sentry/sentry',
    snippet: (dsn) => `<?php
\\Sentry\\init([
    'dsn' => '${dsn}',
    'release' => '${RELEASE}',
    'environment' => 'production',
    'traces_sample_rate' => 1.0,
]);

try {
    throw new \\RuntimeException('Hello from Faultline');
} catch (\\Throwable $exception) {
    \\Sentry\\captureException($exception);
}`,
  },
  {
    id: 'other',
    name: 'Other',
    install: 'Any official Sentry SDK works unmodified.',
    snippet: (dsn) => `Give this DSN to your Sentry SDK's init, with a release and traces_sample_rate:

${dsn}`,
  },
];

/** The platform entry for a project's platform id ("javascript-react" → JavaScript, unknown → Other). */
export function platformFor(id: string | null | undefined): Platform {
  if (!id) {
    return PLATFORMS[PLATFORMS.length - 1];
  }
  const exact = PLATFORMS.find((platform) => platform.id === id);
  if (exact) {
    return exact;
  }
  const prefix = PLATFORMS.find((platform) => id.startsWith(platform.id + '-'));
  if (prefix) {
    return prefix;
  }
  if (id.startsWith('dotnet') || id.startsWith('csharp')) {
    return PLATFORMS.find((platform) => platform.id === 'csharp')!;
  }
  return PLATFORMS[PLATFORMS.length - 1];
}
