package dev.faultline.storage.tck.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic data set for search acceptance tests: {@link #EVENTS} events of project
 * {@link #PROJECT} spread over {@link #ISSUES} issues and the last {@link #SPAN_DAYS}
 * days before {@link #NOW}, with varied levels, releases, environments, tags, users,
 * titles and messages (some missing), plus a few events of {@link #OTHER_PROJECT} under
 * the same issue ids, which no read of {@link #PROJECT} may return.
 *
 * <p>
 * The values are drawn from a fixed seed, so the data set is the same on every run except
 * for {@link #NOW}, the hour the class was loaded (recent, because a store may expire old
 * events). Free-text fields are ASCII, so "ignoring case" means the same in Java and in
 * every engine. Immutable.
 */
public final class SeededEvents {

	public static final long PROJECT = 1;

	public static final long OTHER_PROJECT = 2;

	public static final int EVENTS = 1_200;

	public static final int ISSUES = 50;

	/** The first issue id; the others follow it. */
	public static final long FIRST_ISSUE = 1_001;

	public static final int SPAN_DAYS = 7;

	/** The clock of the data set: every event is older. */
	public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);

	private static final List<String> LEVELS = List.of("fatal", "error", "error", "error", "warning", "warning", "info",
			"debug");

	private static final List<@Nullable String> RELEASES = Arrays.asList("1.0.0", "1.2.3", "1.10.0", "2.0.0",
			"2.1.0-beta", "10.0", null);

	private static final List<@Nullable String> ENVIRONMENTS = Arrays.asList("prod", "prod", "staging", "dev",
			"production", null);

	private static final List<@Nullable String> BROWSERS = Arrays.asList("Chrome 120", "Chrome 121", "Chromium 119",
			"Firefox 128", "Safari 17", "chrome lower", null);

	private static final List<@Nullable String> OSES = Arrays.asList("Linux", "Windows 11", "macOS 14", null);

	private static final List<@Nullable String> CUSTOM = Arrays.asList("quoted value", "other value", "50% off_",
			"quoted value plus", null, null);

	private static final List<@Nullable String> EMAILS = Arrays.asList("alice@example.com", "bob@example.com",
			"carol@example.org", "dave@EXAMPLE.com", "erin@example.com.au", null, null);

	private static final List<String> TITLES = List.of("NullPointerException: cart is empty",
			"TimeoutException: DB slow", "IllegalStateException: payment declined", "IOException: connection reset",
			"ArithmeticException: / by zero", "Checkout failed for 50% of carts");

	private static final List<String> MESSAGES = List.of("cart is empty", "db slow on orders", "payment declined",
			"connection reset by peer", "division by zero", "retry scheduled", "");

	private static final List<String> CULPRITS = List.of("com.example.Cart in checkout", "com.example.Db in query",
			"com.example.Payments in charge", "");

	private final List<StoredEvent> all;

	public SeededEvents() {
		SplittableRandom random = new SplittableRandom(20_260_401L);
		List<StoredEvent> events = new ArrayList<>();
		long spanMillis = Duration.ofDays(SPAN_DAYS).toMillis();
		for (int i = 0; i < EVENTS; i++) {
			long issueId = FIRST_ISSUE + (i * 7L + random.nextInt(3)) % ISSUES;
			events.add(event(random, PROJECT, i, issueId, NOW.minusMillis(1 + random.nextLong(spanMillis))));
		}
		for (int i = 0; i < 40; i++) {
			long issueId = FIRST_ISSUE + i % ISSUES;
			events.add(event(random, OTHER_PROJECT, EVENTS + i, issueId,
					NOW.minusMillis(1 + random.nextLong(spanMillis))));
		}
		this.all = List.copyOf(events);
	}

	/**
	 * Every event, both projects, in creation order.
	 */
	public List<StoredEvent> all() {
		return this.all;
	}

	/**
	 * The events of {@link #PROJECT}.
	 */
	public List<StoredEvent> ofProject() {
		return this.all.stream().filter((event) -> event.projectId() == PROJECT).toList();
	}

	private static StoredEvent event(SplittableRandom random, long projectId, int n, long issueId, Instant timestamp) {
		// The issue leans the title, so that issues differ; the rest varies per event.
		String title = (random.nextInt(4) == 0) ? pick(random, TITLES) : TITLES.get((int) (issueId % TITLES.size()));
		Map<String, String> tags = new LinkedHashMap<>();
		put(tags, "browser", pick(random, BROWSERS));
		put(tags, "os", pick(random, OSES));
		put(tags, "custom", pick(random, CUSTOM));
		if (random.nextInt(10) == 0) {
			tags.put("level", "tagged-level");
		}
		String email = pick(random, EMAILS);
		EventUser user = (email != null || random.nextInt(3) == 0)
				? new EventUser(String.valueOf(random.nextInt(20)), null, email, null) : null;
		String eventId = SampleEvents.eventId(1_000_000L + n);
		return new StoredEvent(projectId, eventId, issueId, timestamp, timestamp.plusMillis(random.nextInt(500)),
				"java", pick(random, LEVELS), title, pick(random, CULPRITS), pick(random, MESSAGES),
				pick(random, RELEASES), pick(random, ENVIRONMENTS), null, null, tags, user,
				"hash-" + issueId + "-" + random.nextInt(3), "app", "{\"type\":\"error\"}");
	}

	private static void put(Map<String, String> tags, String key, @Nullable String value) {
		if (value != null) {
			tags.put(key, value);
		}
	}

	/** Picks one value; lists with nulls are fixed-size {@code Arrays.asList} views. */
	private static <T> T pick(SplittableRandom random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
