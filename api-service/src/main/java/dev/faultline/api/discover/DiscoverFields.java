package dev.faultline.api.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.query.Dataset;
import dev.faultline.query.Equation;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldParser;
import dev.faultline.query.Order;
import dev.faultline.query.RequestedField;
import org.jspecify.annotations.Nullable;

/**
 * The {@code field} (or {@code yAxis}) and {@code sort} parameters of a Discover request
 * read over a dataset. Sentry's {@code project} field (the project's slug) reads
 * {@code project.id} and is rendered as the slug.
 *
 * @param fields the requested fields in order, each with the expression it reads
 * @param projectSlugs the requested strings rendered as project slugs
 */
record DiscoverFields(List<RequestedField> fields, List<String> projectSlugs) {

	/** Sentry's limit on the columns of one request. */
	static final int MAX_FIELDS = 20;

	/** Sentry's name of the n-th requested equation in a sort. */
	private static final Pattern EQUATION_INDEX = ClientPatterns.EQUATION_INDEX.jdk();

	/** Field strings that name the project by slug. */
	private static final List<String> PROJECT_FIELDS = List.of("project", "project.name");

	DiscoverFields {
		fields = List.copyOf(fields);
		projectSlugs = List.copyOf(projectSlugs);
	}

	/**
	 * Reads field strings.
	 * @throws ApiException 400 for none or too many
	 * @throws dev.faultline.query.FieldSyntaxException for a string that is no field
	 */
	static DiscoverFields parse(Dataset dataset, List<String> texts, String parameter) {
		if (texts.isEmpty()) {
			throw ApiException.badRequest("No columns selected; give at least one " + parameter);
		}
		if (texts.size() > MAX_FIELDS) {
			throw ApiException.badRequest(
					"You can view up to " + MAX_FIELDS + " fields at a time. Please delete some and try again.");
		}
		FieldParser parser = new FieldParser(dataset);
		List<RequestedField> fields = new ArrayList<>();
		List<String> slugs = new ArrayList<>();
		for (String text : texts) {
			if (PROJECT_FIELDS.contains(text) && dataset.find(text).isEmpty()) {
				fields.add(new RequestedField(text, Expression.field(dataset, Dataset.PROJECT)));
				slugs.add(text);
			}
			else {
				fields.add(parser.parse(text));
			}
		}
		return new DiscoverFields(fields, slugs);
	}

	/** Whether any field is a function. */
	boolean aggregated() {
		return this.fields.stream().anyMatch((field) -> field.expression().overGroup());
	}

	/** The distinct expressions, in request order. */
	List<Expression> expressions() {
		return this.fields.stream().map(RequestedField::expression).distinct().toList();
	}

	/**
	 * The distinct plain (non-function) expressions: the group keys of an aggregated
	 * query.
	 */
	List<Expression> plain() {
		return expressions().stream().filter((expression) -> !expression.overGroup()).toList();
	}

	/** The distinct functions. */
	List<Expression> aggregates() {
		return expressions().stream().filter(Expression::overGroup).toList();
	}

	/**
	 * Reads a sort: one of the requested fields, {@code -} first for descending (Sentry:
	 * "orderby must also be in the selected columns or groupby").
	 * @throws ApiException 400 for a sort on a field not requested
	 */
	@Nullable Order order(Dataset dataset, @Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return null;
		}
		String text = sort.trim();
		boolean descending = text.startsWith("-");
		String field = descending ? text.substring(1) : text;
		Matcher indexed = EQUATION_INDEX.matcher(field);
		if (indexed.matches()) {
			// Sentry's sort by the n-th requested equation: equation[0].
			List<RequestedField> equations = this.fields.stream()
				.filter((requested) -> requested.expression() instanceof Equation)
				.toList();
			int index = Integer.parseInt(indexed.group(1));
			if (index >= equations.size()) {
				throw ApiException.badRequest("orderby must also be in the selected columns or groupby: " + field);
			}
			return new Order(equations.get(index).expression(), descending);
		}
		for (RequestedField requested : this.fields) {
			if (requested.text().equals(field)) {
				return new Order(requested.expression(), descending);
			}
		}
		Order order = new FieldParser(dataset).parseOrder(text);
		if (!expressions().contains(order.expression())) {
			throw ApiException.badRequest("orderby must also be in the selected columns or groupby: " + field);
		}
		return order;
	}

	/**
	 * Renders one result row keyed by the requested strings: dates as ISO-8601, project
	 * fields as slugs.
	 * @param row the row's values in {@link #expressions()} order (after any leading
	 * columns the caller skipped)
	 * @param slugs project slugs by id
	 */
	Map<String, @Nullable Object> render(List<@Nullable Object> row, Map<Long, String> slugs) {
		List<Expression> expressions = expressions();
		Map<String, @Nullable Object> rendered = new LinkedHashMap<>();
		for (RequestedField field : this.fields) {
			Object value = row.get(expressions.indexOf(field.expression()));
			if (this.projectSlugs.contains(field.text()) && value instanceof Long id) {
				value = slugs.getOrDefault(id, String.valueOf(id));
			}
			rendered.put(field.text(), DiscoverValues.json(value));
		}
		return rendered;
	}

	/** Sentry's {@code meta}: field types and units keyed by the requested strings. */
	Map<String, Object> meta(Dataset dataset) {
		Map<String, String> types = new LinkedHashMap<>(RequestedField.metaFields(this.fields));
		this.projectSlugs.forEach((text) -> types.put(text, "string"));
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("fields", types);
		meta.put("units", RequestedField.metaUnits(this.fields));
		meta.put("isMetricsData", false);
		meta.put("isMetricsExtractedData", false);
		meta.put("tips", Map.of());
		meta.put("datasetReason", "unchanged");
		meta.put("dataset", dataset.name());
		return meta;
	}

}
