package dev.faultline.core.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed issue search: terms that must all hold. An empty query matches every issue.
 *
 * @param terms the terms in query order
 */
public record SearchQuery(List<SearchTerm> terms) {

	public SearchQuery {
		terms = List.copyOf(terms);
	}

	/**
	 * Returns the {@code key:value} filters.
	 * @return the filters in query order
	 */
	public List<Filter> filters() {
		return this.terms.stream().filter(Filter.class::isInstance).map(Filter.class::cast).toList();
	}

	/**
	 * Returns the free-text words and phrases.
	 * @return the free text in query order
	 */
	public List<FreeText> freeText() {
		return this.terms.stream().filter(FreeText.class::isInstance).map(FreeText.class::cast).toList();
	}

	/**
	 * Splits the terms by the store that answers them.
	 * @return the issue terms and the event terms
	 */
	public ClassifiedQuery classify() {
		List<SearchTerm> issue = new ArrayList<>();
		List<SearchTerm> event = new ArrayList<>();
		for (SearchTerm term : this.terms) {
			((term.scope() == Scope.ISSUE) ? issue : event).add(term);
		}
		return new ClassifiedQuery(issue, event);
	}

}
