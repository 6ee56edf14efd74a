package dev.faultline.core.search;

import java.util.stream.Collectors;

/**
 * Renders parsed queries compactly, so that tests state a whole AST on one line:
 * {@code !level = "info" & timesSeen > 10 & text("boom")}.
 */
final class SearchTerms {

	private SearchTerms() {
	}

	static String render(SearchQuery query) {
		return query.terms().stream().map(SearchTerms::render).collect(Collectors.joining(" & "));
	}

	static String render(SearchTerm term) {
		if (term instanceof FreeText text) {
			return "text(" + text.text() + ")";
		}
		if (term instanceof Has has) {
			return (has.negated() ? "!" : "") + "has(" + has.key() + ")";
		}
		Filter filter = (Filter) term;
		return (filter.negated() ? "!" : "") + filter.key() + " " + filter.operator().symbol() + " "
				+ render(filter.value());
	}

	static String render(SearchValue value) {
		if (value instanceof SearchValue.Text text) {
			return "\"" + text.value() + "\"";
		}
		if (value instanceof SearchValue.Wildcard wildcard) {
			return wildcard.parts().stream().map((part) -> "\"" + part + "\"").collect(Collectors.joining("*"));
		}
		if (value instanceof SearchValue.Number number) {
			return Long.toString(number.value());
		}
		if (value instanceof SearchValue.Time time) {
			return time.instant().toString();
		}
		if (value instanceof SearchValue.TimeRange range) {
			return "[" + range.from() + ", " + range.until() + ")";
		}
		if (value instanceof SearchValue.Is is) {
			return is.qualifier().text();
		}
		return ((SearchValue.ValueList) value).values()
			.stream()
			.map(SearchTerms::render)
			.collect(Collectors.joining(", ", "[", "]"));
	}

}
