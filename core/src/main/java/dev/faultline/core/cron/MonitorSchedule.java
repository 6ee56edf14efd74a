package dev.faultline.core.cron;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * When a monitor expects its next check-in: a crontab schedule evaluated in the monitor's
 * timezone, or an interval ({@code [1, "hour"]}) counted from the last check-in. Times
 * are truncated to the minute first, as Sentry's monitors do. Immutable.
 *
 * @param type {@code crontab} or {@code interval}
 * @param crontab the expression, for a crontab schedule
 * @param intervalValue how many units, for an interval schedule
 * @param intervalUnit {@code minute}, {@code hour}, {@code day}, {@code week},
 * {@code month} or {@code year}, for an interval schedule
 * @param timezone an IANA zone id; UTC when null
 */
public record MonitorSchedule(String type, @Nullable String crontab, int intervalValue, @Nullable String intervalUnit,
		@Nullable String timezone) {

	public static final String CRONTAB = "crontab";

	public static final String INTERVAL = "interval";

	/**
	 * @throws CronSyntaxException when the schedule cannot be evaluated
	 */
	public MonitorSchedule {
		Objects.requireNonNull(type, "type");
		if (CRONTAB.equals(type)) {
			CronExpression.parse(Objects.requireNonNull(crontab, "crontab"));
		}
		else if (INTERVAL.equals(type)) {
			if (intervalValue < 1) {
				throw new CronSyntaxException("an interval schedule's value must be at least 1");
			}
			unit(intervalUnit);
		}
		else {
			throw new CronSyntaxException("schedule type must be crontab or interval, not " + type);
		}
		if (timezone != null) {
			zone(timezone);
		}
	}

	/** A crontab schedule. */
	public static MonitorSchedule crontab(String expression, @Nullable String timezone) {
		return new MonitorSchedule(CRONTAB, expression.trim(), 0, null, timezone);
	}

	/** An interval schedule. */
	public static MonitorSchedule interval(int value, String unit, @Nullable String timezone) {
		return new MonitorSchedule(INTERVAL, null, value, unit.toLowerCase(Locale.ROOT), timezone);
	}

	/**
	 * The next expected check-in after one made at {@code reference} (truncated to the
	 * minute): the next crontab point in the monitor's timezone, or the reference plus
	 * the interval.
	 */
	public Instant next(Instant reference) {
		Instant minute = reference.truncatedTo(ChronoUnit.MINUTES);
		ZoneId zone = (this.timezone != null) ? zone(this.timezone) : ZoneOffset.UTC;
		if (CRONTAB.equals(this.type)) {
			return CronExpression.parse(Objects.requireNonNull(this.crontab))
				.next(minute.atZone(zone), zone)
				.toInstant();
		}
		ZonedDateTime start = minute.atZone(zone);
		return start.plus(this.intervalValue, unit(this.intervalUnit)).toInstant();
	}

	/**
	 * The schedule as Sentry's monitor config shows it: the expression or
	 * {@code [n, unit]}.
	 */
	public Object sentryValue() {
		if (CRONTAB.equals(this.type)) {
			return Objects.requireNonNull(this.crontab);
		}
		return java.util.List.of(this.intervalValue, Objects.requireNonNull(this.intervalUnit));
	}

	private static ChronoUnit unit(@Nullable String unit) {
		if (unit == null) {
			throw new CronSyntaxException("an interval schedule needs a unit");
		}
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "minute", "minutes" -> ChronoUnit.MINUTES;
			case "hour", "hours" -> ChronoUnit.HOURS;
			case "day", "days" -> ChronoUnit.DAYS;
			case "week", "weeks" -> ChronoUnit.WEEKS;
			case "month", "months" -> ChronoUnit.MONTHS;
			case "year", "years" -> ChronoUnit.YEARS;
			default -> throw new CronSyntaxException(
					"interval unit must be minute, hour, day, week, month or year, not " + unit);
		};
	}

	private static ZoneId zone(String timezone) {
		try {
			return ZoneId.of(timezone);
		}
		catch (DateTimeException ex) {
			throw new CronSyntaxException("unknown timezone " + timezone);
		}
	}

}
