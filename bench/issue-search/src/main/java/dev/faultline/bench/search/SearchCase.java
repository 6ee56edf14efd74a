package dev.faultline.bench.search;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import org.jspecify.annotations.Nullable;

/**
 * One issue search as the Web API answers it: the event terms go to
 * {@code EventStore.findIssueIds} (null when the search has none), the issue terms are
 * {@code criteria} of {@code IssueStore.listForProjects}, with the found ids added as an
 * {@link IssueCriterion.IdIn}.
 *
 * @param query the search as a user types it (printed)
 * @param eventQuery the text passed to the event store, or null
 */
record SearchCase(String query, @Nullable String eventQuery, List<IssueCriterion> criteria, IssueSort sort) {

	private static final IssueCriterion UNRESOLVED = new IssueCriterion.StatusIn(Set.of(IssueStatus.UNRESOLVED));

	SearchCase {
		Objects.requireNonNull(query, "query");
		criteria = List.copyOf(criteria);
		Objects.requireNonNull(sort, "sort");
	}

	/**
	 * The measured searches: status and sort only, the acceptance search (level, wildcard
	 * tag and release), a tag filter, a counter filter, free text and one selective user
	 * term.
	 */
	static List<SearchCase> all() {
		return List.of(new SearchCase("is:unresolved (sort=date)", null, List.of(UNRESOLVED), IssueSort.DATE),
				withEventTerms("is:unresolved level:error browser:Chrome* release:1.2.*", IssueSort.DATE),
				withEventTerms("is:unresolved environment:production region:eu-west plan:enterprise", IssueSort.FREQ),
				new SearchCase("is:unresolved times-seen:>100 (sort=freq)", null,
						List.of(UNRESOLVED,
								new IssueCriterion.CountIs(IssueCriterion.CountField.TIMES_SEEN,
										IssueCriterion.Comparison.GREATER, 100)),
						IssueSort.FREQ),
				withEventTerms("is:unresolved timeout", IssueSort.DATE),
				withEventTerms("is:unresolved user.email:user7@example.com", IssueSort.USER));
	}

	/** Event terms and {@code is:unresolved}; the whole text goes to the event store. */
	private static SearchCase withEventTerms(String query, IssueSort sort) {
		return new SearchCase(query + " (sort=" + sort.name().toLowerCase(Locale.ROOT) + ")", query,
				List.of(UNRESOLVED), sort);
	}

}
