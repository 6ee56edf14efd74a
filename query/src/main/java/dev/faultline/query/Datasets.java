package dev.faultline.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The datasets Faultline stores. The column names are Sentry's Discover field names, so a
 * query written for Sentry reads the same columns here.
 */
public final class Datasets {

	/** The key of a tag pair (one row per tag of an event). */
	public static final String TAG_KEY = "tags.key";

	/** The value of a tag pair. */
	public static final String TAG_VALUE = "tags.value";

	/**
	 * Error events: the {@code events} tables of the event store adapters. Besides the
	 * event's tags, the tag pairs hold the built-in keys {@code level},
	 * {@code environment} and {@code release} when the event carries them and has no tag
	 * of that name (the tag wins).
	 */
	public static final Dataset ERRORS = new Dataset("errors", List.of(
			Column.stored(Dataset.PROJECT, FieldType.INTEGER, false), Column.stored("id", FieldType.STRING, false),
			Column.stored("issue.id", FieldType.INTEGER, false),
			Column.stored(Dataset.TIMESTAMP, FieldType.DATE, false), Column.stored("received", FieldType.DATE, false),
			Column.stored("platform", FieldType.STRING, false), Column.stored("level", FieldType.STRING, false),
			Column.stored("title", FieldType.STRING, false), Column.stored("message", FieldType.STRING, false),
			Column.stored("culprit", FieldType.STRING, false), Column.stored("release", FieldType.STRING, true),
			Column.stored("environment", FieldType.STRING, true), Column.stored("transaction", FieldType.STRING, true),
			Column.stored("trace", FieldType.STRING, true), Column.stored("user.id", FieldType.STRING, true),
			Column.stored("user.email", FieldType.STRING, true), Column.stored("user.username", FieldType.STRING, true),
			Column.stored("user.ip", FieldType.STRING, true), Column.stored("event.type", FieldType.STRING, false),
			Column.stored("primary_hash", FieldType.STRING, false),
			new Column(TAG_KEY, FieldType.STRING, null, false, Column.Source.TAG_KEY),
			new Column(TAG_VALUE, FieldType.STRING, null, false, Column.Source.TAG_VALUE)),
			Map.of("event.id", "id", "trace.id", "trace", "user.ip_address", "user.ip"),
			List.of(Dataset.PROJECT, "id"));

	/**
	 * The web vitals and browser timings stored as measurements, by their Sentry name
	 * ({@code measurements.<name>}): durations in milliseconds, {@code cls} a bare score.
	 * A measurement a row lacks reads as NULL.
	 */
	public static final List<String> DURATION_MEASUREMENTS = List.of("lcp", "fcp", "fp", "inp", "ttfb",
			"ttfb.requestTime");

	/** The unitless measurements (Cumulative Layout Shift). */
	public static final List<String> NUMBER_MEASUREMENTS = List.of("cls");

	/** The prefix of a measurement column's name. */
	public static final String MEASUREMENT_PREFIX = "measurements.";

	/**
	 * Every span, segment or child: the {@code spans} tables of the event store adapters.
	 * {@code timestamp} is when the span ended; {@code span.duration} and
	 * {@code span.self_time} are in milliseconds; {@code is_transaction} is 1 for a
	 * segment. {@code sample_weight} is how many spans a row stands for (the inverse of
	 * the client's sample rate): multiply counts by it to extrapolate. The segment fields
	 * ({@code transaction}, {@code release}, {@code environment}, {@code user…},
	 * {@code sdk.name}) are those each span was sent with. The tag pairs are the
	 * transaction's tags.
	 */
	public static final Dataset SPANS = new Dataset("spans", spanColumns(
			List.of(Column.stored("id", FieldType.STRING, false), Column.stored("span.op", FieldType.STRING, true),
					Column.stored("span.description", FieldType.STRING, true),
					Column.stored("span.status", FieldType.STRING, true),
					new Column("span.duration", FieldType.DURATION, "millisecond", false, Column.Source.STORED),
					new Column("span.self_time", FieldType.DURATION, "millisecond", false, Column.Source.STORED),
					Column.stored("is_transaction", FieldType.INTEGER, false),
					Column.stored("segment.id", FieldType.STRING, true),
					Column.stored("transaction.id", FieldType.STRING, true),
					Column.stored("trace.parent_span", FieldType.STRING, true))),
			Map.of("span_id", "id", "trace.span", "id", "trace.id", "trace", "user.ip_address", "user.ip",
					"parent_span", "trace.parent_span", "transaction.event_id", "transaction.id"),
			List.of(Dataset.PROJECT, "trace", "id"));

	/**
	 * Transactions: the segments of the spans dataset, one row per transaction event or
	 * span-stream segment. {@code id} is the transaction event's id, or the segment's
	 * span id for a segment of a span stream (which has no event).
	 * {@code transaction.duration} is in milliseconds; {@code transaction.op} and
	 * {@code transaction.status} are the segment span's. Measurements a span stream sends
	 * on separate {@code ui.webvital.*} spans are rows of {@link #SPANS}, not of this
	 * view.
	 */
	public static final Dataset TRANSACTIONS = new Dataset("transactions",
			spanColumns(
					List.of(Column.stored("id", FieldType.STRING, false),
							Column.stored("transaction.op", FieldType.STRING, true),
							Column.stored("transaction.status", FieldType.STRING, true),
							new Column("transaction.duration", FieldType.DURATION, "millisecond", false,
									Column.Source.STORED),
							Column.stored("trace.span", FieldType.STRING, false),
							Column.stored("trace.parent_span", FieldType.STRING, true))),
			Map.of("event.id", "id", "trace.id", "trace", "user.ip_address", "user.ip"),
			List.of(Dataset.PROJECT, "id"));

	/** The session statuses {@code session.status} reads, healthiest first. */
	public static final List<String> SESSION_STATUSES = List.of("healthy", "errored", "unhandled", "abnormal",
			"crashed");

	/**
	 * Sessions (release health): one row per session, every update of it merged in (the
	 * sessions role), or per counted group of a session aggregate. {@code timestamp} is
	 * when the session started (the aggregate's bucket); {@code id} the session id;
	 * {@code user} the distinct id ({@code did}); {@code session.status} the session's
	 * health by its latest update: {@code crashed}, {@code abnormal} or {@code unhandled}
	 * when it said so, else {@code errored} when it had errors or said errored, else
	 * {@code healthy} (an open {@code ok} session is healthy); {@code session.init} 1
	 * when the update that started the session was received (a session counts once, by
	 * it); {@code session.errors} the errors it had. {@code sample_weight} is how many
	 * sessions the row stands for (1, or an aggregate group's count): an extrapolated
	 * {@code count()} counts sessions.
	 */
	public static final Dataset SESSIONS = new Dataset("sessions",
			List.of(Column.stored(Dataset.PROJECT, FieldType.INTEGER, false),
					Column.stored(Dataset.TIMESTAMP, FieldType.DATE, false),
					Column.stored("id", FieldType.STRING, false), Column.stored("release", FieldType.STRING, false),
					Column.stored("environment", FieldType.STRING, true), Column.stored("user", FieldType.STRING, true),
					Column.stored("session.status", FieldType.STRING, false),
					Column.stored("session.init", FieldType.INTEGER, false),
					Column.stored("session.errors", FieldType.INTEGER, false),
					Column.stored(Dataset.SAMPLE_WEIGHT, FieldType.NUMBER, false)),
			Map.of("session.id", "id", "user.id", "user"), List.of(Dataset.PROJECT, "id"));

	private Datasets() {
	}

	/**
	 * The columns the spans and transactions datasets share, after their own.
	 */
	private static List<Column> spanColumns(List<Column> own) {
		List<Column> columns = new ArrayList<>(own);
		columns.addAll(List.of(Column.stored(Dataset.PROJECT, FieldType.INTEGER, false),
				Column.stored(Dataset.TIMESTAMP, FieldType.DATE, false),
				Column.stored("precise.start_ts", FieldType.NUMBER, false),
				Column.stored("precise.finish_ts", FieldType.NUMBER, false),
				Column.stored("trace", FieldType.STRING, false), Column.stored("transaction", FieldType.STRING, true),
				Column.stored("release", FieldType.STRING, true), Column.stored("environment", FieldType.STRING, true),
				Column.stored("platform", FieldType.STRING, true), Column.stored("sdk.name", FieldType.STRING, true),
				Column.stored("user", FieldType.STRING, true), Column.stored("user.id", FieldType.STRING, true),
				Column.stored("user.email", FieldType.STRING, true),
				Column.stored("user.username", FieldType.STRING, true),
				Column.stored("user.ip", FieldType.STRING, true),
				Column.stored("sample_weight", FieldType.NUMBER, false),
				new Column(TAG_KEY, FieldType.STRING, null, false, Column.Source.TAG_KEY),
				new Column(TAG_VALUE, FieldType.STRING, null, false, Column.Source.TAG_VALUE)));
		for (String name : DURATION_MEASUREMENTS) {
			columns.add(new Column(MEASUREMENT_PREFIX + name, FieldType.DURATION, "millisecond", true,
					Column.Source.STORED));
		}
		for (String name : NUMBER_MEASUREMENTS) {
			columns.add(new Column(MEASUREMENT_PREFIX + name, FieldType.NUMBER, null, true, Column.Source.STORED));
		}
		return columns;
	}

}
