package dev.faultline.storage.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event search for {@link EventStore#findIssueIds}: the text of a Sentry issue search
 * and the instant its relative times ({@code timestamp:-24h}) are resolved against.
 *
 * <p>
 * The port stays free of the parser: an adapter parses the text with core's
 * {@code SearchParser} at {@code now} and compiles the event terms with its own SQL
 * dialect, binding every value. Issue terms ({@code is:}, {@code timesSeen:}…) in the
 * text are ignored, because the metadata store answers them; callers usually pass the
 * whole query they already parsed (and so validated) themselves.
 *
 * @param query the search text, at most 4,096 characters
 * @param now the instant relative times count back from
 */
public record EventSearch(String query, Instant now) {

	public EventSearch {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(now, "now");
	}

}
