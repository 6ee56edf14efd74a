package dev.faultline.core.search;

/**
 * One term of a {@link SearchQuery}; the terms of a query are ANDed (Sentry's issue
 * search has no OR and no parentheses).
 */
public sealed interface SearchTerm permits Filter, Has, FreeText {

	/**
	 * Returns which store answers this term.
	 * @return the issue (metadata store) or event (event store) scope
	 */
	Scope scope();

}
