package dev.faultline.query;

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

	private Datasets() {
	}

}
