package dev.faultline.alerts;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One condition or filter of an issue alert rule, by Sentry's id. Triggers say which
 * event fires (a new issue, a regression, …), frequencies count the recent
 * events, and the rest look at the event or its issue.
 */
sealed interface RulePredicate {

	String PREFIX_CONDITIONS = "sentry.rules.conditions.";

	String PREFIX_FILTERS = "sentry.rules.filters.";

	/** The issue was created by this event. */
	record FirstSeen() implements RulePredicate {
	}

	/** The event reopened a resolved issue. */
	record Regression() implements RulePredicate {
	}

	/** The event woke an ignored (archived) issue. */
	record Reappeared() implements RulePredicate {
	}

	/** Every event (Sentry's legacy condition). */
	record EveryEvent() implements RulePredicate {
	}

	/**
	 * More than {@code value} events of the issue within {@code interval}; with
	 * {@code comparisonInterval} set, an increase of more than {@code value} percent over
	 * the same window that long ago.
	 */
	record EventFrequency(long value, Duration interval, @org.jspecify.annotations.Nullable Duration comparisonInterval,
			boolean uniqueUsers) implements RulePredicate {
	}

	/**
	 * The event's level compared with {@code level} (Sentry's numbers, 10 debug … 50
	 * fatal).
	 */
	record Level(String match, int level) implements RulePredicate {
	}

	/** A tag of the event. */
	record Tagged(String key, Match match, String value) implements RulePredicate {
	}

	/** An attribute of the event ({@code message}, {@code exception.type}, …). */
	record Attribute(String attribute, Match match, String value) implements RulePredicate {
	}

	/** The issue is older or newer than {@code age}. */
	record Age(boolean older, Duration age) implements RulePredicate {
	}

	/** The issue has been seen at least {@code value} times. */
	record Occurrences(long value) implements RulePredicate {
	}

	/**
	 * The assignee: {@code Unassigned}, {@code Team} (with its id) or
	 * {@code Member} (with the user id).
	 */
	record AssignedTo(String targetType, @org.jspecify.annotations.Nullable Long targetId) implements RulePredicate {
	}

	/** The event is of the project's newest release. */
	record LatestRelease() implements RulePredicate {
	}

	/**
	 * The category, by Sentry's number (1 error, 2 performance, 3 profile, 4
	 * cron, 5 replay, 6 feedback).
	 */
	record Category(int value) implements RulePredicate {
	}

	/** Sentry's log levels by number. */
	Map<String, Integer> LEVELS = Map.of("fatal", 50, "error", 40, "warning", 30, "info", 20, "debug", 10, "sample", 0);

	static int levelNumber(String level) {
		return LEVELS.getOrDefault(level.toLowerCase(Locale.ROOT), 40);
	}

}
