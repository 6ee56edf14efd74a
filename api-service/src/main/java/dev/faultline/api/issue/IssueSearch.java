package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.faultline.api.web.ApiException;
import dev.faultline.core.search.ClassifiedQuery;
import dev.faultline.core.search.Filter;
import dev.faultline.core.search.Has;
import dev.faultline.core.search.IsQualifier;
import dev.faultline.core.search.Operator;
import dev.faultline.core.search.SearchParser;
import dev.faultline.core.search.SearchTerm;
import dev.faultline.core.search.SearchValue;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import org.jspecify.annotations.Nullable;

/**
 * An issue list's {@code query} (Sentry's issue search, parsed by core's
 * {@link SearchParser}) and the {@code sort} parameter.
 *
 * <p>
 * Where each term is answered: the first {@code is:<status>} goes to the metadata store's
 * {@code IssueQuery}; every issue term ({@code is:}, {@code timesSeen},
 * {@code firstSeen}, {@code lastSeen}) is also checked in Java by {@link #matches}; event
 * terms go to the event store ({@link #eventSearch()}). Issue terms the metadata store
 * does not keep yet ({@code assigned:}, {@code bookmarks:}, {@code firstRelease:},
 * {@code is:assigned}…) are a 400.
 */
final class IssueSearch {

	private final @Nullable IssueStatus status;

	private final List<Predicate<Issue>> predicates;

	private final @Nullable EventSearch eventSearch;

	private final boolean onlyStatus;

	private IssueSearch(@Nullable IssueStatus status, List<Predicate<Issue>> predicates,
			@Nullable EventSearch eventSearch, boolean onlyStatus) {
		this.status = status;
		this.predicates = List.copyOf(predicates);
		this.eventSearch = eventSearch;
		this.onlyStatus = onlyStatus;
	}

	/**
	 * Parses a query. Without a query Sentry's default {@code is:unresolved} applies; a
	 * query without an {@code is:} term lists every status.
	 * @param query the {@code query} parameter
	 * @param clock the clock relative times count back from
	 * @throws dev.faultline.core.search.SearchSyntaxException when the query does not
	 * parse (400 with the position)
	 * @throws ApiException 400 for a term this API does not support yet
	 */
	static IssueSearch parse(@Nullable String query, Clock clock) {
		if (query == null) {
			return new IssueSearch(IssueStatus.UNRESOLVED, List.of(), null, true);
		}
		Instant now = clock.instant();
		ClassifiedQuery split = new SearchParser(Clock.fixed(now, ZoneOffset.UTC)).parse(query).classify();
		IssueStatus status = null;
		List<Predicate<Issue>> predicates = new ArrayList<>();
		boolean onlyStatus = true;
		for (SearchTerm term : split.issueTerms()) {
			if (!(term instanceof Filter filter)) {
				throw unsupported((term instanceof Has has) ? "has:" + has.key() : term.toString());
			}
			switch (filter.key().name()) {
				case "is" -> {
					if (filter.excludes() || !(filter.value() instanceof SearchValue.Is is)) {
						onlyStatus = false;
					}
					else if (status == null) {
						status = statusOf(is.qualifier());
					}
					else if (status != statusOf(is.qualifier())) {
						onlyStatus = false;
					}
					predicates.add(isPredicate(filter));
				}
				case "timesSeen" -> {
					onlyStatus = false;
					long value = ((SearchValue.Number) filter.value()).value();
					predicates
						.add(negate(filter.negated(), (issue) -> compare(issue.timesSeen(), filter.operator(), value)));
				}
				case "firstSeen" -> {
					onlyStatus = false;
					predicates.add(timePredicate(filter, Issue::firstSeen));
				}
				case "lastSeen" -> {
					onlyStatus = false;
					predicates.add(timePredicate(filter, Issue::lastSeen));
				}
				default -> throw unsupported(filter.key().name());
			}
		}
		EventSearch events = split.eventTerms().isEmpty() ? null : new EventSearch(query, now);
		return new IssueSearch(status, predicates, events, onlyStatus && events == null);
	}

	/**
	 * The status the metadata store filters by, or null for all.
	 */
	@Nullable IssueStatus status() {
		return this.status;
	}

	/**
	 * Whether the metadata store's status filter answers the whole query, so its pages
	 * are the result pages.
	 */
	boolean onlyStatus() {
		return this.onlyStatus;
	}

	/**
	 * The event terms for the event store, or null when the query has none.
	 */
	@Nullable EventSearch eventSearch() {
		return this.eventSearch;
	}

	/**
	 * Whether the issue matches every issue term.
	 */
	boolean matches(Issue issue) {
		for (Predicate<Issue> predicate : this.predicates) {
			if (!predicate.test(issue)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The order named by Sentry's {@code sort} parameter; {@code date} when absent.
	 * Sentry's newer ranked orders ({@code priority}, {@code trends}, {@code inbox}) fall
	 * back to {@code date}, the closest order this store keeps.
	 * @throws ApiException 400 for an unknown order
	 */
	static IssueSort sort(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return IssueSort.DATE;
		}
		return switch (sort.trim().toLowerCase(Locale.ROOT)) {
			case "date", "priority", "trends", "inbox" -> IssueSort.DATE;
			case "new" -> IssueSort.NEW;
			case "freq" -> IssueSort.FREQ;
			case "user" -> IssueSort.USER;
			default -> throw ApiException.badRequest("Invalid sort: " + sort);
		};
	}

	private static Predicate<Issue> isPredicate(Filter filter) {
		List<IssueStatus> statuses = new ArrayList<>();
		if (filter.value() instanceof SearchValue.ValueList list) {
			for (SearchValue value : list.values()) {
				statuses.add(statusOf(((SearchValue.Is) value).qualifier()));
			}
		}
		else {
			statuses.add(statusOf(((SearchValue.Is) filter.value()).qualifier()));
		}
		return negate(filter.excludes(), (issue) -> statuses.contains(issue.status()));
	}

	private static IssueStatus statusOf(IsQualifier qualifier) {
		return switch (qualifier) {
			case UNRESOLVED -> IssueStatus.UNRESOLVED;
			case RESOLVED -> IssueStatus.RESOLVED;
			case IGNORED -> IssueStatus.IGNORED;
			default -> throw unsupported("is:" + qualifier.text());
		};
	}

	private static Predicate<Issue> timePredicate(Filter filter, Function<Issue, Instant> field) {
		if (filter.value() instanceof SearchValue.TimeRange range) {
			// != on a range means outside it, as in the event store.
			boolean invert = filter.negated() != (filter.operator() == Operator.NOT_EQUALS);
			return negate(invert, (issue) -> !field.apply(issue).isBefore(range.from())
					&& field.apply(issue).isBefore(range.until()));
		}
		long value = ((SearchValue.Time) filter.value()).instant().toEpochMilli();
		return negate(filter.negated(),
				(issue) -> compare(field.apply(issue).toEpochMilli(), filter.operator(), value));
	}

	private static boolean compare(long actual, Operator operator, long value) {
		return switch (operator) {
			case EQUALS -> actual == value;
			case NOT_EQUALS -> actual != value;
			case GREATER -> actual > value;
			case GREATER_OR_EQUAL -> actual >= value;
			case LESS -> actual < value;
			case LESS_OR_EQUAL -> actual <= value;
			case IN -> throw new IllegalArgumentException("no list comparison for numbers and times");
		};
	}

	private static Predicate<Issue> negate(boolean negate, Predicate<Issue> predicate) {
		return negate ? predicate.negate() : predicate;
	}

	private static ApiException unsupported(String term) {
		return ApiException.badRequest("Search term \"" + term + "\" is not supported yet");
	}

}
