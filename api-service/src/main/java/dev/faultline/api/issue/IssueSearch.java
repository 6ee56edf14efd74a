package dev.faultline.api.issue;

import java.util.Locale;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;

import org.jspecify.annotations.Nullable;

/**
 * The part of Sentry's issue search this API understands: {@code is:<status>} in
 * {@code query}, and the {@code sort} parameter. Other search terms are ignored for now.
 */
final class IssueSearch {

	private IssueSearch() {
	}

	/**
	 * The status filter of a query. Without a query Sentry's default
	 * {@code is:unresolved} applies; a query without an {@code is:} term lists every
	 * status.
	 * @return the status, or null for all
	 * @throws ApiException 400 for an {@code is:} value that is not a status
	 */
	static @Nullable IssueStatus status(@Nullable String query) {
		if (query == null) {
			return IssueStatus.UNRESOLVED;
		}
		IssueStatus status = null;
		for (String term : query.trim().split("\\s+")) {
			if (term.regionMatches(true, 0, "is:", 0, 3)) {
				try {
					status = IssueStatus.fromApiName(term.substring(3));
				}
				catch (IllegalArgumentException ex) {
					throw ApiException.badRequest("Invalid value for \"is\" search: " + term.substring(3));
				}
			}
		}
		return status;
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

}
