// Platforms offered when creating a project, and the setup snippet shown for each.

export interface Platform {
  id: string;
  name: string;
  install: string;
  snippet: (dsn: string) => string;
}

export const PLATFORMS: Platform[] = [
  {
    id: 'java',
    name: 'Java',
    install: '<!-- Maven --> <dependency><groupId>io.sentry</groupId><artifactId>sentry</artifactId><version>8.x</version></dependency>',
    snippet: (dsn) => `import io.sentry.Sentry;

Sentry.init(options -> {
    options.setDsn("${dsn}");
    options.setEnvironment("production");
});

try {
    throw new IllegalStateException("Hello from Faultline");
} catch (Exception e) {
    Sentry.captureException(e);
}`,
  },
  {
    id: 'javascript',
    name: 'JavaScript (Browser)',
    install: 'npm install @sentry/browser',
    snippet: (dsn) => `import * as Sentry from "@sentry/browser";

Sentry.init({
  dsn: "${dsn}",
  environment: "production",
});

Sentry.captureException(new Error("Hello from Faultline"));`,
  },
  {
    id: 'node',
    name: 'Node.js',
    install: 'npm install @sentry/node',
    snippet: (dsn) => `const Sentry = require("@sentry/node");

Sentry.init({
  dsn: "${dsn}",
  environment: "production",
});

Sentry.captureException(new Error("Hello from Faultline"));
await Sentry.flush(2000);`,
  },
  {
    id: 'python',
    name: 'Python',
    install: 'pip install sentry-sdk',
    snippet: (dsn) => `import sentry_sdk

sentry_sdk.init(
    dsn="${dsn}",
    environment="production",
)

try:
    1 / 0
except ZeroDivisionError as error:
    sentry_sdk.capture_exception(error)`,
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
    if err := sentry.Init(sentry.ClientOptions{Dsn: "${dsn}"}); err != nil {
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
    options.Environment = "production";
}))
{
    SentrySdk.CaptureException(new InvalidOperationException("Hello from Faultline"));
}`,
  },
  {
    id: 'other',
    name: 'Other',
    install: 'Any official Sentry SDK works unmodified.',
    snippet: (dsn) => `Give this DSN to your Sentry SDK's init:

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
