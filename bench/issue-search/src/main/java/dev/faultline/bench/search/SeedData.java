package dev.faultline.bench.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.NewIssue;

/**
 * Deterministic, realistic-looking seed data: issues of JavaScript and Java projects and
 * their events spread over the {@link #WINDOW} before {@code now}.
 *
 * <p>
 * Every issue gets one event first (events {@code 0 .. issues-1}); the rest pick their
 * issue with a heavy head (issue {@code k} is chosen with density ~{@code k^-2/3}), so a
 * few issues have tens of thousands of events and most have a few dozen (about a fifth
 * have more than 100). An issue's events mostly share its level; releases follow time
 * (newer events, newer releases); environments, browsers, regions, plans and users vary.
 * Not thread-safe; one instance per seeding run.
 */
final class SeedData {

	static final Duration WINDOW = Duration.ofDays(14);

	private static final String[] JS_TYPES = { "TypeError", "ReferenceError", "SyntaxError", "RangeError",
			"ChunkLoadError", "AbortError" };

	private static final String[] JAVA_TYPES = { "NullPointerException", "IllegalStateException",
			"SQLTransientConnectionException", "SocketTimeoutException", "IllegalArgumentException",
			"ConcurrentModificationException" };

	private static final String[] MESSAGES = { "Cannot read properties of undefined (reading 'id')",
			"Request timeout after 30000ms", "Payment declined for order", "Connection reset by peer",
			"Unexpected token < in JSON at position 0", "Index 3 out of bounds for length 3",
			"Deadlock found when trying to get lock", "User session expired", "Loading chunk 42 failed",
			"Cart total does not match line items", "Rate limit exceeded for upstream search",
			"Invalid currency code" };

	private static final String[] MODULES = { "checkout", "cart", "payments", "search", "profile", "auth", "catalog",
			"orders" };

	private static final String[] BROWSERS = { "Chrome 120.0", "Chrome 120.0", "Chrome 120.0", "Chrome 119.0",
			"Chrome 118.0", "Firefox 121.0", "Firefox 120.0", "Safari 17.1", "Safari 16.6", "Edge 120.0" };

	private static final String[] OSES = { "Windows 10", "Windows 11", "macOS 14.1", "iOS 17.1", "Android 14",
			"Linux" };

	private static final String[] REGIONS = { "eu-west", "eu-west", "us-east", "us-east", "us-west", "ap-south" };

	private static final String[] PLANS = { "free", "free", "free", "pro", "pro", "enterprise" };

	private static final String[] ENVIRONMENTS = { "production", "production", "production", "production", "production",
			"production", "production", "staging", "staging", "development" };

	/** 25 releases, oldest first: 1.1.0 … 1.1.9, 1.2.0 … 1.2.9, 1.3.0 … 1.3.4. */
	private static final String[] RELEASES = releases();

	private final long projectId;

	private final int issues;

	private final Instant now;

	private final SplittableRandom random = new SplittableRandom(20261125);

	SeedData(long projectId, int issues, Instant now) {
		this.projectId = projectId;
		this.issues = issues;
		this.now = now;
	}

	private static String[] releases() {
		List<String> versions = new ArrayList<>();
		for (int minor = 1; minor <= 3; minor++) {
			for (int patch = 0; patch < ((minor == 3) ? 5 : 10); patch++) {
				versions.add("1." + minor + "." + patch);
			}
		}
		return versions.toArray(String[]::new);
	}

	static String hash(int issue) {
		return "%032x".formatted(0xa11ce_0000_0000L + issue);
	}

	static boolean javascript(int issue) {
		return issue % 5 < 3;
	}

	static String level(int issue) {
		int bucket = issue % 20;
		if (bucket == 0) {
			return "fatal";
		}
		if (bucket == 1) {
			return "info";
		}
		return (bucket < 6) ? "warning" : "error";
	}

	static String type(int issue) {
		String[] types = javascript(issue) ? JS_TYPES : JAVA_TYPES;
		return types[(issue / 5) % types.length];
	}

	static String title(int issue) {
		return type(issue) + ": " + MESSAGES[(issue / 7) % MESSAGES.length];
	}

	static String culprit(int issue) {
		String module = MODULES[(issue / 3) % MODULES.length];
		return javascript(issue) ? "app/" + module + "/index.js in handle" + (issue % 50)
				: "shop." + module + ".Service in handle" + (issue % 50);
	}

	NewIssue issue(int issue) {
		return new NewIssue(this.projectId, hash(issue), title(issue), culprit(issue), level(issue), "error",
				Map.of("type", type(issue), "value", MESSAGES[(issue / 7) % MESSAGES.length]), this.now.minus(WINDOW));
	}

	/**
	 * The issue of event {@code index}: one event per issue first, then a heavy head.
	 */
	int issueOf(long index) {
		if (index < this.issues) {
			return (int) index;
		}
		return Math.min(this.issues - 1, (int) (this.issues * Math.pow(this.random.nextDouble(), 3)));
	}

	/**
	 * Event {@code index} of {@code issue}, with id {@code issueId} in the metadata
	 * store.
	 */
	StoredEvent event(long index, int issue, long issueId) {
		long ageMillis = (long) (this.random.nextDouble() * WINDOW.toMillis());
		Instant timestamp = this.now.minusMillis(ageMillis);
		double recency = 1.0 - ((double) ageMillis / WINDOW.toMillis());
		int release = (int) Math.max(0,
				Math.min(RELEASES.length - 1, recency * (RELEASES.length - 1) + this.random.nextInt(-2, 3)));
		String level = (this.random.nextInt(10) == 0) ? level(this.random.nextInt(20)) : level(issue);
		boolean javascript = javascript(issue);
		Map<String, String> tags = new LinkedHashMap<>();
		String region = pick(REGIONS);
		tags.put("region", region);
		tags.put("plan", pick(PLANS));
		if (javascript) {
			String browser = pick(BROWSERS);
			tags.put("browser", browser);
			tags.put("browser.name", browser.substring(0, browser.indexOf(' ')));
			tags.put("os", pick(OSES));
		}
		else {
			tags.put("server_name", "web-" + this.random.nextInt(8));
			tags.put("os", "Linux");
		}
		EventUser user = null;
		if (this.random.nextInt(5) != 0) {
			int number = (int) (50_000 * Math.pow(this.random.nextDouble(), 2));
			user = new EventUser("u" + number, null, "user" + number + "@example.com", null);
		}
		String eventId = "%032x".formatted(0xe7e_0000_0000_0000L + index);
		String environment = pick(ENVIRONMENTS);
		String message = MESSAGES[(issue / 7) % MESSAGES.length];
		String payload = "{\"event_id\":\"" + eventId + "\",\"level\":\"" + level + "\",\"platform\":\""
				+ (javascript ? "javascript" : "java") + "\",\"release\":\"" + RELEASES[release]
				+ "\",\"environment\":\"" + environment + "\",\"exception\":{\"values\":[{\"type\":\"" + type(issue)
				+ "\",\"value\":\"" + message + "\"}]},\"tags\":[[\"region\",\"" + region + "\"]]}";
		return new StoredEvent(this.projectId, eventId, issueId, timestamp, timestamp.plusMillis(40),
				javascript ? "javascript" : "java", level, title(issue), culprit(issue), message, RELEASES[release],
				environment, "/" + MODULES[(issue / 3) % MODULES.length], null, tags, user, hash(issue),
				javascript ? "app" : "system", payload);
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
