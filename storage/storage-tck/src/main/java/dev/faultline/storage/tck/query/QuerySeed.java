package dev.faultline.storage.tck.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.events.SampleEvents;
import org.jspecify.annotations.Nullable;

/**
 * The seeded dataset of the query TCK: a fixed pseudo-random set of events in two
 * projects over three days, with missing fields, missing tags, tags named like built-in
 * keys, and hostile values (quotes, backslashes, LIKE wildcards, NUL, unicode, very long
 * text) in releases, tag values, user fields and titles.
 */
final class QuerySeed {

	static final long PROJECT = 7;

	static final long OTHER_PROJECT = 8;

	static final List<String> HOSTILE = List.of("'", "''", "\"", "%", "_", "\\", "\\'", "50%_off\\", "--",
			"'; DROP TABLE events; --", "?", "{p0:String}", "$1", "`", "a\nb", "tab\there", "nul\u0000byte",
			"ünïcødé ✓", "emoji 😀 text", "Straße", "x".repeat(5000));

	static final List<String> LEVELS = List.of("error", "warning", "info", "fatal");

	static final List<String> BROWSERS = List.of("Chrome 120", "Firefox 128", "Safari 17", "chrome 99");

	private QuerySeed() {
	}

	/**
	 * The first instant of the seeded range (events lie in the three days after it).
	 */
	static Instant base() {
		// Recent, because a store may expire old events (ClickHouse's TTL).
		return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(4, ChronoUnit.DAYS);
	}

	static List<StoredEvent> events(Instant base) {
		Random random = new Random(14);
		List<StoredEvent> events = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			long project = (i % 5 == 4) ? OTHER_PROJECT : PROJECT;
			long issue = 100 + random.nextInt(9);
			Instant timestamp = base.plusMillis(random.nextLong(3L * 24 * 3600 * 1000));
			String level = LEVELS.get(random.nextInt(LEVELS.size()));
			String release = pick(random, List.of("1.0", "1.1", "2.0-beta", hostile(random)), 0.2);
			String environment = pick(random, List.of("production", "staging"), 0.3);
			Map<String, String> tags = new LinkedHashMap<>();
			if (random.nextDouble() < 0.8) {
				tags.put("browser", BROWSERS.get(random.nextInt(BROWSERS.size())));
			}
			if (random.nextDouble() < 0.5) {
				tags.put("hostile", hostile(random));
			}
			if (random.nextDouble() < 0.3) {
				// A tag named like a built-in key wins over the column in tag pairs.
				tags.put("level", "tagged-" + level);
			}
			if (random.nextDouble() < 0.2) {
				tags.put(hostile(random), "value of a hostile key");
			}
			EventUser user = (random.nextDouble() < 0.7) ? new EventUser("u" + random.nextInt(20), null,
					(random.nextDouble() < 0.2) ? hostile(random) : "user" + random.nextInt(15) + "@example.com", null)
					: null;
			String title = (random.nextDouble() < 0.3) ? "Error with " + hostile(random)
					: "TimeoutError: request " + random.nextInt(5);
			events.add(new StoredEvent(project, SampleEvents.eventId(i + 1), issue, timestamp,
					timestamp.plusMillis(random.nextInt(5000)), "python", level, title, "app.views in handle",
					"message " + i, release, environment, null, null, tags, user, "hash" + issue, "app",
					"{\"type\":\"" + ((i % 3 == 0) ? "default" : "error") + "\"}"));
		}
		return events;
	}

	private static String hostile(Random random) {
		return HOSTILE.get(random.nextInt(HOSTILE.size()));
	}

	private static @Nullable String pick(Random random, List<String> values, double missing) {
		return (random.nextDouble() < missing) ? null : values.get(random.nextInt(values.size()));
	}

}
