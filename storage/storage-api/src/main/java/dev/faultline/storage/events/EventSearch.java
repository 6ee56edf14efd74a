package dev.faultline.storage.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.SearchConditions;

/**
 * An event search for {@link EventAggregates#findIssueIds} and
 * {@link EventReader#listByIssue}: the text of a Sentry issue search, the instant its
 * relative times ({@code timestamp:-24h}) are resolved against, and its event terms as
 * conditions of the query model, parsed once here so that no adapter parses query text.
 * Issue terms ({@code is:}, {@code timesSeen:}…) in the text are ignored, because the
 * metadata store answers them. Immutable.
 */
public final class EventSearch {

	private static final SearchConditions CONDITIONS = new SearchConditions(Datasets.ERRORS);

	/** The search without terms: every event matches. */
	public static final EventSearch EVERY_EVENT = new EventSearch("", Instant.EPOCH);

	private final String query;

	private final Instant now;

	private final List<Condition> conditions;

	/**
	 * Parses a search.
	 * @param query the search text, at most 4,096 characters
	 * @param now the instant relative times count back from
	 * @throws dev.faultline.core.search.SearchSyntaxException (unchecked) when the text
	 * is not a valid search
	 */
	public EventSearch(String query, Instant now) {
		this.query = Objects.requireNonNull(query, "query");
		this.now = Objects.requireNonNull(now, "now");
		this.conditions = CONDITIONS.parse(query, now);
	}

	/** The search text. */
	public String query() {
		return this.query;
	}

	/** The instant relative times count back from. */
	public Instant now() {
		return this.now;
	}

	/**
	 * The event terms as conditions over {@link Datasets#ERRORS}, ANDed.
	 * @return the conditions (none for a search without event terms)
	 */
	public List<Condition> conditions() {
		return this.conditions;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EventSearch search && this.query.equals(search.query) && this.now.equals(search.now);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.query, this.now);
	}

	@Override
	public String toString() {
		return "EventSearch[" + this.query + " at " + this.now + "]";
	}

}
