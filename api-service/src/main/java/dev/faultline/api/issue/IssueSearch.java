package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.faultline.api.member.People;
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
import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueCriterion.Comparison;
import dev.faultline.storage.metadata.IssueCriterion.CountField;
import dev.faultline.storage.metadata.IssueCriterion.SeenField;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import org.jspecify.annotations.Nullable;

/**
 * An issue list's {@code query} (Sentry's issue search, parsed by core's
 * {@link SearchParser}) and the {@code sort} parameter.
 *
 * <p>
 * Issue terms become {@link IssueCriterion criteria} the metadata store answers in SQL:
 * {@code is:} status, assignment and bookmark qualifiers, {@code assigned:},
 * {@code bookmarks:}, {@code timesSeen}, {@code firstSeen}, {@code lastSeen}; a negated
 * term is a {@link IssueCriterion.Not}. Event terms go to the event store
 * ({@link #eventSearch()}), whose matching issue ids the caller adds as an
 * {@link IssueCriterion.IdIn}. Terms Faultline does not answer ({@code firstRelease},
 * {@code is:for_review}, {@code is:linked}, {@code has:} on issue keys) are a 400.
 */
final class IssueSearch {

	private final List<IssueCriterion> criteria;

	private final @Nullable EventSearch eventSearch;

	private IssueSearch(List<IssueCriterion> criteria, @Nullable EventSearch eventSearch) {
		this.criteria = List.copyOf(criteria);
		this.eventSearch = eventSearch;
	}

	/**
	 * Parses a query. Without a query Sentry's default {@code is:unresolved} applies; a
	 * query without an {@code is:} term lists every status.
	 * @param query the {@code query} parameter
	 * @param clock the clock relative times count back from
	 * @param callerUserId who {@code me} is
	 * @param people the organization's users and teams, for {@code assigned:} and
	 * {@code bookmarks:}
	 * @throws dev.faultline.core.search.SearchSyntaxException when the query does not
	 * parse (400 with the position)
	 * @throws ApiException 400 for a term this API does not support, or an
	 * {@code assigned:} value that names no member or team
	 */
	static IssueSearch parse(@Nullable String query, Clock clock, long callerUserId, People people) {
		if (query == null) {
			return new IssueSearch(List.of(new IssueCriterion.StatusIn(Set.of(IssueStatus.UNRESOLVED))), null);
		}
		Instant now = clock.instant();
		ClassifiedQuery split = new SearchParser(Clock.fixed(now, ZoneOffset.UTC)).parse(query).classify();
		List<IssueCriterion> criteria = new ArrayList<>();
		for (SearchTerm term : split.issueTerms()) {
			if (!(term instanceof Filter filter)) {
				throw unsupported((term instanceof Has has) ? "has:" + has.key() : term.toString());
			}
			criteria.add(criterion(filter, callerUserId, people));
		}
		EventSearch events = split.eventTerms().isEmpty() ? null : new EventSearch(query, now);
		return new IssueSearch(criteria, events);
	}

	/**
	 * The criteria on the issues' own fields, all of which hold.
	 */
	List<IssueCriterion> criteria() {
		return this.criteria;
	}

	/**
	 * The event terms for the event store, or null when the query has none.
	 */
	@Nullable EventSearch eventSearch() {
		return this.eventSearch;
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
			default -> throw ApiException.badRequest("sort: \"" + sort + "\" is not a valid choice.");
		};
	}

	private static IssueCriterion criterion(Filter filter, long callerUserId, People people) {
		IssueCriterion positive = switch (filter.key().name()) {
			case "is" -> isCriterion(((SearchValue.Is) filter.value()).qualifier(), callerUserId);
			case "assigned", "assigned_or_suggested" ->
				new IssueCriterion.AssignedTo(assignees(filter, callerUserId, people));
			case "bookmarks" -> new IssueCriterion.BookmarkedBy(bookmarker(filter, callerUserId, people));
			case "timesSeen" -> new IssueCriterion.CountIs(CountField.TIMES_SEEN, comparison(filter.operator()),
					((SearchValue.Number) filter.value()).value());
			case "firstSeen" -> seen(filter, SeenField.FIRST_SEEN);
			case "lastSeen" -> seen(filter, SeenField.LAST_SEEN);
			case "issue.category" -> new IssueCriterion.CategoryIn(categories(filter));
			case "issue.type" -> new IssueCriterion.IssueTypeIn(new LinkedHashSet<>(texts(filter)));
			default -> throw unsupported(filter.key().name());
		};
		boolean ordered = filter.value() instanceof SearchValue.Number || filter.value() instanceof SearchValue.Time;
		// For numbers and instants != is part of the comparison; elsewhere it inverts.
		boolean invert = ordered ? filter.negated() : filter.excludes();
		if (filter.value() instanceof SearchValue.TimeRange) {
			// != on a range means outside it, as in the event store.
			invert = filter.excludes();
		}
		return invert ? new IssueCriterion.Not(positive) : positive;
	}

	private static IssueCriterion isCriterion(IsQualifier qualifier, long callerUserId) {
		return switch (qualifier) {
			case UNRESOLVED -> new IssueCriterion.StatusIn(Set.of(IssueStatus.UNRESOLVED));
			case RESOLVED -> new IssueCriterion.StatusIn(Set.of(IssueStatus.RESOLVED));
			case IGNORED -> new IssueCriterion.StatusIn(Set.of(IssueStatus.IGNORED));
			case ASSIGNED -> new IssueCriterion.Assigned();
			case UNASSIGNED -> new IssueCriterion.Not(new IssueCriterion.Assigned());
			case BOOKMARKED -> new IssueCriterion.BookmarkedBy(callerUserId);
			default -> throw unsupported("is:" + qualifier.text());
		};
	}

	private static Set<Assignee> assignees(Filter filter, long callerUserId, People people) {
		Set<Assignee> assignees = new LinkedHashSet<>();
		for (String text : texts(filter)) {
			if (text.equalsIgnoreCase("me")) {
				assignees.add(new Assignee.User(callerUserId));
			}
			else {
				assignees.add(people.assignee(text)
					.orElseThrow(() -> ApiException.badRequest(
							filter.key().name() + ": \"" + text + "\" is no member or team of this organization")));
			}
		}
		return assignees;
	}

	private static Set<String> categories(Filter filter) {
		Set<String> categories = new LinkedHashSet<>();
		for (String text : texts(filter)) {
			String category = text.toLowerCase(Locale.ROOT);
			if (!category.equals(Issue.ERROR_CATEGORY) && !category.equals(Issue.PERFORMANCE_CATEGORY)) {
				throw ApiException.badRequest("issue.category: \"" + text + "\" is not one of error, performance");
			}
			categories.add(category);
		}
		return categories;
	}

	private static long bookmarker(Filter filter, long callerUserId, People people) {
		List<String> texts = texts(filter);
		if (texts.size() != 1) {
			throw ApiException.badRequest("bookmarks: takes one user");
		}
		String text = texts.get(0);
		if (text.equalsIgnoreCase("me")) {
			return callerUserId;
		}
		return people.assignee(text)
			.filter(Assignee.User.class::isInstance)
			.map(Assignee::id)
			.orElseThrow(
					() -> ApiException.badRequest("bookmarks: \"" + text + "\" is no member of this organization"));
	}

	private static List<String> texts(Filter filter) {
		List<SearchValue> values = (filter.value() instanceof SearchValue.ValueList list) ? list.values()
				: List.of(filter.value());
		List<String> texts = new ArrayList<>();
		for (SearchValue value : values) {
			if (!(value instanceof SearchValue.Text text)) {
				throw ApiException.badRequest(filter.key().name() + ": takes no wildcards");
			}
			texts.add(text.value());
		}
		return texts;
	}

	private static IssueCriterion seen(Filter filter, SeenField field) {
		if (filter.value() instanceof SearchValue.TimeRange range) {
			return new IssueCriterion.AllOf(
					List.of(new IssueCriterion.SeenIs(field, Comparison.GREATER_OR_EQUAL, range.from()),
							new IssueCriterion.SeenIs(field, Comparison.LESS, range.until())));
		}
		return new IssueCriterion.SeenIs(field, comparison(filter.operator()),
				((SearchValue.Time) filter.value()).instant());
	}

	private static Comparison comparison(Operator operator) {
		return switch (operator) {
			case EQUALS -> Comparison.EQUAL;
			case NOT_EQUALS -> Comparison.NOT_EQUAL;
			case GREATER -> Comparison.GREATER;
			case GREATER_OR_EQUAL -> Comparison.GREATER_OR_EQUAL;
			case LESS -> Comparison.LESS;
			case LESS_OR_EQUAL -> Comparison.LESS_OR_EQUAL;
			case IN -> throw new IllegalArgumentException("no list comparison for numbers and times");
		};
	}

	private static ApiException unsupported(String term) {
		return ApiException.badRequest("Search term \"" + term + "\" is not supported");
	}

}
