package dev.faultline.core.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.StringTokenizer;

import org.jspecify.annotations.Nullable;

/**
 * A five-field crontab expression ({@code minute hour day-of-month month day-of-week}) as
 * Sentry's monitors and Vixie cron read it: {@code *}, single values, ranges
 * ({@code 1-5}), steps ({@code *}{@code /15}, {@code 10-50/10}, {@code 5/10} meaning from
 * 5 to the field's end), lists ({@code 1,15,30}), month names ({@code JAN}–{@code DEC}),
 * weekday names ({@code SUN}–{@code SAT}, 0 and 7 both Sunday) and the aliases
 * {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight} and {@code @hourly}. When both day fields are restricted a day
 * matches if either does (Vixie cron's rule). Immutable and thread-safe.
 */
public final class CronExpression {

	private static final Map<String, String> ALIASES = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
			"@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly",
			"0 * * * *");

	private static final String[] MONTHS = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
			"NOV", "DEC" };

	private static final String[] DAYS = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

	/** No schedule skips more than this many years between two runs (29 February). */
	private static final int SEARCH_YEARS = 9;

	private static final int MAX_LENGTH = 1000;

	private final String text;

	private final BitSet minutes;

	private final BitSet hours;

	private final BitSet daysOfMonth;

	private final BitSet months;

	private final BitSet daysOfWeek;

	private final boolean anyDayOfMonth;

	private final boolean anyDayOfWeek;

	private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
			BitSet daysOfWeek, boolean anyDayOfMonth, boolean anyDayOfWeek) {
		this.text = text;
		this.minutes = minutes;
		this.hours = hours;
		this.daysOfMonth = daysOfMonth;
		this.months = months;
		this.daysOfWeek = daysOfWeek;
		this.anyDayOfMonth = anyDayOfMonth;
		this.anyDayOfWeek = anyDayOfWeek;
	}

	/**
	 * Reads an expression.
	 * @throws CronSyntaxException naming the field that is wrong
	 */
	public static CronExpression parse(String expression) {
		if (expression.length() > MAX_LENGTH) {
			throw new CronSyntaxException("crontab expression is too long");
		}
		String trimmed = expression.trim();
		String expanded = ALIASES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
		// Whitespace-separated, without a regular expression (the text comes from
		// clients).
		StringTokenizer tokens = new StringTokenizer(expanded);
		String[] fields = new String[tokens.countTokens()];
		for (int i = 0; i < fields.length; i++) {
			fields[i] = tokens.nextToken();
		}
		if (fields.length != 5) {
			throw new CronSyntaxException("a crontab expression has 5 fields, this one has " + fields.length);
		}
		BitSet minutes = field(fields[0], "minute", 0, 59, null);
		BitSet hours = field(fields[1], "hour", 0, 23, null);
		BitSet daysOfMonth = field(fields[2], "day of month", 1, 31, null);
		BitSet months = field(fields[3], "month", 1, 12, MONTHS);
		BitSet daysOfWeek = field(fields[4], "day of week", 0, 7, DAYS);
		if (daysOfWeek.get(7)) {
			daysOfWeek.set(0);
			daysOfWeek.clear(7);
		}
		return new CronExpression(trimmed, minutes, hours, daysOfMonth, months, daysOfWeek, isStar(fields[2]),
				isStar(fields[4]));
	}

	/** Whether an expression can be read. */
	public static boolean isValid(String expression) {
		try {
			parse(expression);
			return true;
		}
		catch (CronSyntaxException ex) {
			return false;
		}
	}

	/**
	 * The first minute strictly after {@code after} that the expression matches, in the
	 * given zone. A local time that a daylight-saving gap skips runs at the gap's end (as
	 * {@link ZonedDateTime#of} resolves it); a repeated hour runs once, at its earlier
	 * offset.
	 * @throws IllegalStateException when no time within nine years matches (such as
	 * {@code 0 0 31 2 *})
	 */
	public ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
		ZonedDateTime start = after.withZoneSameInstant(zone);
		LocalDateTime local = start.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		LocalDate date = local.toLocalDate();
		LocalDate limit = date.plusYears(SEARCH_YEARS);
		LocalTime from = local.toLocalTime();
		while (!date.isAfter(limit)) {
			if (!this.months.get(date.getMonthValue())) {
				date = date.withDayOfMonth(1).plusMonths(1);
				from = LocalTime.MIDNIGHT;
				continue;
			}
			if (matchesDay(date)) {
				LocalTime time = firstTime(from);
				if (time != null) {
					ZonedDateTime candidate = ZonedDateTime.of(date, time, zone);
					if (candidate.isAfter(after)) {
						return candidate;
					}
					// A gap moved the time back to or before the start: look further.
					from = time.plusMinutes(1);
					if (!from.equals(LocalTime.MIDNIGHT)) {
						continue;
					}
				}
			}
			date = date.plusDays(1);
			from = LocalTime.MIDNIGHT;
		}
		throw new IllegalStateException("crontab expression never matches: " + this.text);
	}

	/** Whether the expression matches the minute of a local date-time. */
	public boolean matches(LocalDateTime time) {
		return this.months.get(time.getMonthValue()) && matchesDay(time.toLocalDate()) && this.hours.get(time.getHour())
				&& this.minutes.get(time.getMinute());
	}

	private boolean matchesDay(LocalDate date) {
		boolean dayOfMonth = this.daysOfMonth.get(date.getDayOfMonth());
		boolean dayOfWeek = this.daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
		if (this.anyDayOfMonth || this.anyDayOfWeek) {
			return dayOfMonth && dayOfWeek;
		}
		return dayOfMonth || dayOfWeek;
	}

	private @Nullable LocalTime firstTime(LocalTime from) {
		for (int hour = this.hours.nextSetBit(from.getHour()); hour >= 0; hour = this.hours.nextSetBit(hour + 1)) {
			int minute = this.minutes.nextSetBit((hour == from.getHour()) ? from.getMinute() : 0);
			if (minute >= 0) {
				return LocalTime.of(hour, minute);
			}
		}
		return null;
	}

	private static boolean isStar(String field) {
		return field.equals("*") || field.equals("?");
	}

	private static BitSet field(String field, String name, int min, int max, String @Nullable [] names) {
		BitSet values = new BitSet(max + 1);
		for (String part : field.split(",", -1)) {
			if (part.isEmpty()) {
				throw new CronSyntaxException("empty list entry in the " + name + " field");
			}
			int slash = part.indexOf('/');
			String range = (slash >= 0) ? part.substring(0, slash) : part;
			int step = 1;
			if (slash >= 0) {
				step = number(part.substring(slash + 1), name, null);
				if (step < 1 || step > max) {
					throw new CronSyntaxException("step " + step + " is out of range in the " + name + " field");
				}
			}
			int low;
			int high;
			if (range.equals("*") || range.equals("?")) {
				low = min;
				high = max;
			}
			else {
				int dash = range.indexOf('-');
				if (dash > 0) {
					low = number(range.substring(0, dash), name, names);
					high = number(range.substring(dash + 1), name, names);
				}
				else {
					low = number(range, name, names);
					high = (slash >= 0) ? max : low;
				}
			}
			if (low < min || high > max || low > high) {
				throw new CronSyntaxException(
						range + " is out of range in the " + name + " field (" + min + "-" + max + ")");
			}
			for (int value = low; value <= high; value += step) {
				values.set(value);
			}
		}
		return values;
	}

	private static int number(String text, String name, String @Nullable [] names) {
		if (names != null && text.length() == 3) {
			String upper = text.toUpperCase(Locale.ROOT);
			for (int i = 0; i < names.length; i++) {
				if (names[i].equals(upper)) {
					return (names == MONTHS) ? i + 1 : i;
				}
			}
		}
		if (text.isEmpty() || text.length() > 4) {
			throw new CronSyntaxException("'" + text + "' is not a value of the " + name + " field");
		}
		int value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new CronSyntaxException("'" + text + "' is not a value of the " + name + " field");
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
