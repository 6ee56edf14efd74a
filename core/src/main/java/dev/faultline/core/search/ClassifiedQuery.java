package dev.faultline.core.search;

import java.util.List;

/**
 * A query split by the store that answers each term. An issue matches the whole query
 * when it matches every issue term and has at least one event matching all event terms
 * together (as in Sentry, where the event conditions are one subquery).
 *
 * @param issueTerms terms for the metadata store, in query order
 * @param eventTerms terms for the event store, in query order; the query model's
 * {@code SearchConditions} turns them into conditions
 */
public record ClassifiedQuery(List<SearchTerm> issueTerms, List<SearchTerm> eventTerms) {

	public ClassifiedQuery {
		issueTerms = List.copyOf(issueTerms);
		eventTerms = List.copyOf(eventTerms);
		for (SearchTerm term : issueTerms) {
			if (term.scope() != Scope.ISSUE) {
				throw new IllegalArgumentException("not an issue term: " + term);
			}
		}
		for (SearchTerm term : eventTerms) {
			if (term.scope() != Scope.EVENT) {
				throw new IllegalArgumentException("not an event term: " + term);
			}
		}
	}

}
