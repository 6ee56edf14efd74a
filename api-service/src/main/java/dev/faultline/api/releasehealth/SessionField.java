package dev.faultline.api.releasehealth;

import java.util.Map;
import java.util.Optional;

/**
 * A field of Sentry's {@code sessions/} endpoint: the session count, the user count, or a
 * rate over sessions or users.
 *
 * @param name the field as requested ({@code crash_free_rate(session)})
 * @param metric what it computes
 * @param users whether it counts users ({@code …(user)}) rather than sessions
 */
public record SessionField(String name, Metric metric, boolean users) {

	/** What a field computes. */
	public enum Metric {

		/** {@code sum(session)} or {@code count_unique(user)}: a count. */
		COUNT,

		/** 1 − crashed / all. */
		CRASH_FREE_RATE,

		/** crashed / all. */
		CRASH_RATE,

		/** abnormal / all. */
		ABNORMAL_RATE,

		/** unhandled / all. */
		UNHANDLED_RATE,

		/** errored (any status but healthy) / all. */
		ERRORED_RATE;

		/** Whether the metric is a ratio (0–1) rather than a count. */
		public boolean rate() {
			return this != COUNT;
		}

	}

	/** {@code sum(session)}. */
	public static final SessionField SESSIONS = new SessionField("sum(session)", Metric.COUNT, false);

	/** {@code count_unique(user)}. */
	public static final SessionField USERS = new SessionField("count_unique(user)", Metric.COUNT, true);

	private static final Map<String, Metric> RATES = Map.of("crash_free_rate", Metric.CRASH_FREE_RATE, "crash_rate",
			Metric.CRASH_RATE, "abnormal_rate", Metric.ABNORMAL_RATE, "unhandled_rate", Metric.UNHANDLED_RATE,
			"errored_rate", Metric.ERRORED_RATE);

	/**
	 * Reads a field as Sentry writes it.
	 * @param text the field
	 * @return the field, or empty when Sentry's sessions endpoint has none of that name
	 */
	public static Optional<SessionField> parse(String text) {
		String name = text.trim();
		if (name.equals(SESSIONS.name)) {
			return Optional.of(SESSIONS);
		}
		if (name.equals(USERS.name)) {
			return Optional.of(USERS);
		}
		int open = name.indexOf('(');
		if (open < 0 || !name.endsWith(")")) {
			return Optional.empty();
		}
		Metric metric = RATES.get(name.substring(0, open));
		String argument = name.substring(open + 1, name.length() - 1);
		if (metric == null || !(argument.equals("session") || argument.equals("user"))) {
			return Optional.empty();
		}
		return Optional.of(new SessionField(name, metric, argument.equals("user")));
	}

}
