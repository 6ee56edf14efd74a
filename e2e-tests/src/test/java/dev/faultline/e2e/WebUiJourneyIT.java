package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's acceptance journey in real Chromium against the packaged standalone jar:
 * {@code web-ui/e2e/journey.mjs} signs in, creates a Node project, has the official
 * {@code @sentry/node} SDK send an error to the DSN it reads from the page, finds and
 * opens the issue, checks its stack trace and breadcrumb, resolves it and sees it leave
 * the unresolved tab. Screenshots of every page go to {@code target/ui-screenshots/}.
 * {@code web-ui/e2e/triage-journey.mjs} goes through the triage loop on issues it sends
 * itself; its screenshots go to {@code target/ui-screenshots/triage/}.
 * {@code web-ui/e2e/event-journey.mjs} checks issue 23's acceptance (the event in full
 * from the official Java, Node and Browser SDKs, four widths, axe-core, the first-event
 * panel and the list's filters); its screenshots go to
 * {@code target/ui-screenshots/event/}. {@code web-ui/e2e/performance-journey.mjs} goes
 * from the transactions table to a trace's waterfall and the web vitals of SDK-sent
 * traces; its screenshots go to {@code target/ui-screenshots/performance/}.
 * <p>
 * Needs Debian's {@code chromium} and {@code playwright-core} in
 * {@code tools/node_modules}, both installed by {@code scripts/install-prerequisites.sh}.
 */
class WebUiJourneyIT {

	private static final Path CHROMIUM = Path.of(System.getProperty("faultline.chromium", "/usr/bin/chromium"));

	private static StandaloneFaultline faultline;

	@BeforeAll
	static void start() {
		faultline = StandaloneFaultline.start();
	}

	@AfterAll
	static void stop() {
		if (faultline != null) {
			faultline.close();
		}
	}

	@Test
	void signInCreateProjectSendErrorTriageAndResolve() throws IOException, InterruptedException {
		runJourney("journey.mjs", "target/ui-screenshots", 10);
	}

	/**
	 * The triage loop: a tag filter picked from the search suggestions, bulk resolve,
	 * assign to the signed-in user and {@code assigned:me}, a markdown comment, merging
	 * two issues.
	 */
	@Test
	void searchBulkResolveAssignCommentAndMerge() throws IOException, InterruptedException {
		runJourney("triage-journey.mjs", "target/ui-screenshots/triage", 12);
	}

	/**
	 * The event in full: the Java event is sent here by the official {@code io.sentry}
	 * SDK, the Node and Browser events by the script with {@code @sentry/node} and
	 * {@code @sentry/browser}.
	 */
	@Test
	void theEventInFullFromJavaNodeAndBrowserSdksAtFourWidths() throws IOException, InterruptedException {
		FaultlineApi api = faultline.api();
		FaultlineApi.Project java = api.createProject("faultline", "faultline", "Journey Java", "java");
		FaultlineApi.Project node = api.createProject("faultline", "faultline", "Journey Node", "node");
		FaultlineApi.Project browser = api.createProject("faultline", "faultline", "Journey Browser", "javascript");
		JavaFullEvent.send(java.dsn());
		runJourney("event-journey.mjs", "target/ui-screenshots/event", 20,
				Map.of("JAVA_PROJECT", java.slug(), "JAVA_MARKER", JavaFullEvent.MARKER, "NODE_PROJECT", node.slug(),
						"NODE_DSN", node.dsn(), "BROWSER_PROJECT", browser.slug(), "BROWSER_DSN", browser.dsn()));
	}

	/**
	 * Issue 16's performance pages: a browser page ({@code @sentry/browser}, tracing on)
	 * calls a Node service ({@code @sentry/node}) whose payment step fails, so one trace
	 * spans both projects; then the transactions table, the summary, the trace waterfall,
	 * a span's details, the linked error and the web vitals page, each at two widths with
	 * axe-core.
	 */
	@Test
	void performanceTableSummaryTraceSpanErrorAndWebVitals() throws IOException, InterruptedException {
		FaultlineApi api = faultline.api();
		FaultlineApi.Project service = api.createProject("faultline", "faultline", "Perf API", "node");
		FaultlineApi.Project web = api.createProject("faultline", "faultline", "Perf Web", "javascript");
		runJourney("performance-journey.mjs", "target/ui-screenshots/performance", 12, Map.of("API_PROJECT",
				service.slug(), "API_DSN", service.dsn(), "WEB_PROJECT", web.slug(), "WEB_DSN", web.dsn()));
	}

	private static void runJourney(String scriptName, String screenshotsDir, int minScreenshots)
			throws IOException, InterruptedException {
		runJourney(scriptName, screenshotsDir, minScreenshots, Map.of());
	}

	private static void runJourney(String scriptName, String screenshotsDir, int minScreenshots,
			Map<String, String> environment) throws IOException, InterruptedException {
		Path modules = Path.of(System.getProperty("faultline.tools.dir", "../tools"))
			.toAbsolutePath()
			.resolve("node_modules");
		assertThat(modules.resolve("playwright-core")).as("playwright-core; run scripts/install-prerequisites.sh")
			.isDirectory();
		for (String module : new String[] { "@sentry/node", "@sentry/browser", "axe-core" }) {
			assertThat(modules.resolve(module)).as(module + "; run scripts/install-prerequisites.sh").isDirectory();
		}
		assertThat(CHROMIUM).as("Debian's chromium; run scripts/install-prerequisites.sh").isExecutable();
		Path script = Path.of("../web-ui/e2e").resolve(scriptName).toAbsolutePath().normalize();
		Path screenshots = Path.of(screenshotsDir).toAbsolutePath();
		Files.createDirectories(screenshots);
		Path log = screenshots.resolve("journey.log");
		ProcessBuilder builder = new ProcessBuilder("node", script.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("NODE_PATH", modules.toString());
		builder.environment().put("FAULTLINE_URL", faultline.url());
		builder.environment().put("FAULTLINE_EMAIL", StandaloneFaultline.ADMIN_EMAIL);
		builder.environment().put("FAULTLINE_PASSWORD", StandaloneFaultline.ADMIN_PASSWORD);
		builder.environment().put("SCREENSHOTS_DIR", screenshots.toString());
		builder.environment().put("CHROMIUM", CHROMIUM.toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(log);
		System.out.println(output);
		assertThat(finished).as("the journey %s finished within 5 minutes:%n%s", scriptName, output).isTrue();
		assertThat(process.exitValue()).as("the journey's exit code:%n%s", output).isZero();
		try (var files = Files.list(screenshots)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".png")))
				.hasSizeGreaterThanOrEqualTo(minScreenshots);
		}
	}

}
