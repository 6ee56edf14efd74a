package dev.faultline.api.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.api.releasehealth.ReleaseHealth;
import dev.faultline.api.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * The release-health parameters of Sentry's release endpoints: {@code health=1} asks for
 * {@code healthData}; {@code summaryStatsPeriod} (default {@code 14d}) is the period of
 * the totals and rates, {@code healthStatsPeriod} ({@code 24h} default, or {@code 14d}…)
 * that of the series, {@code healthStat} ({@code sessions} or {@code users}) what the
 * series counts, {@code environment} (repeated) the environments counted.
 *
 * @param health whether health is asked for
 * @param environments the environments, none for all
 * @param summary the summary period
 * @param healthPeriodName the series' period as named
 * @param healthPeriod the series' period
 * @param users whether the series counts users
 */
record HealthParameters(boolean health, List<String> environments, Duration summary, String healthPeriodName,
		Duration healthPeriod, boolean users) {

	/** No health asked for. */
	static final HealthParameters NONE = new HealthParameters(false, List.of(), ReleaseHealth.DEFAULT_SUMMARY, "24h",
			ReleaseHealth.DEFAULT_HEALTH_STATS, false);

	HealthParameters {
		environments = List.copyOf(environments);
	}

	/**
	 * Reads the parameters of a request.
	 * @throws ApiException 400 for a malformed period or stat
	 */
	static HealthParameters of(@Nullable String health, @Nullable List<String> environments,
			@Nullable String summaryStatsPeriod, @Nullable String healthStatsPeriod, @Nullable String healthStat) {
		List<String> wanted = new ArrayList<>();
		for (String environment : (environments != null) ? environments : List.<String>of()) {
			if (!environment.isBlank()) {
				wanted.add(environment);
			}
		}
		String healthName = (healthStatsPeriod != null && !healthStatsPeriod.isBlank()) ? healthStatsPeriod.trim()
				: "24h";
		boolean users = false;
		if (healthStat != null && !healthStat.isBlank()) {
			users = switch (healthStat) {
				case "sessions" -> false;
				case "users" -> true;
				default -> throw ApiException.badRequest("healthStat: \"" + healthStat + "\" is not sessions or users");
			};
		}
		return new HealthParameters("1".equals(health), wanted,
				(summaryStatsPeriod != null && !summaryStatsPeriod.isBlank())
						? period("summaryStatsPeriod", summaryStatsPeriod) : ReleaseHealth.DEFAULT_SUMMARY,
				healthName, period("healthStatsPeriod", healthName), users);
	}

	/**
	 * A period: digits and {@code m}, {@code h}, {@code d} or {@code w}, at most 90 days.
	 */
	static Duration period(String name, String text) {
		String trimmed = text.trim();
		Duration period = null;
		if (trimmed.length() >= 2 && trimmed.length() <= 6
				&& trimmed.substring(0, trimmed.length() - 1).chars().allMatch((c) -> c >= '0' && c <= '9')) {
			long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
			period = switch (trimmed.charAt(trimmed.length() - 1)) {
				case 'm' -> Duration.ofMinutes(amount);
				case 'h' -> Duration.ofHours(amount);
				case 'd' -> Duration.ofDays(amount);
				case 'w' -> Duration.ofDays(7 * amount);
				default -> null;
			};
		}
		if (period == null || period.isZero() || period.compareTo(Duration.ofDays(90)) > 0) {
			throw ApiException.badRequest(name + ": \"" + text + "\" is not a period such as 24h or 14d");
		}
		return period;
	}

}
