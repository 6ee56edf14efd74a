package dev.faultline.api.discover;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.query.Cursor;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Discover table as CSV, streamed: {@code GET
 * /api/0/organizations/{org}/events/export/} takes the parameters of {@code events/}
 * ({@code field}, {@code query}, {@code sort}, range, {@code project},
 * {@code environment}, {@code dataset}) and writes every row, page after page of the
 * store's streamed reads (each row goes from the engine's result to the socket, none is
 * collected), up to {@code faultline.discover.max-export-rows}. The header row holds the
 * requested field strings; values are written as {@code events/} renders them (dates in
 * ISO-8601, projects by slug) and quoted per RFC 4180.
 *
 * <p>
 * A request the model refuses, or a first page over a limit, is answered 400 as
 * {@code events/} answers it; once rows are on their way, a failure ends the response
 * early (the status is sent) and is logged.
 */
@RestController
class DiscoverExportController {

	/** Rows per streamed page: the query model's largest page. */
	static final int PAGE = Query.MAX_LIMIT;

	private final Access access;

	private final ProjectStore projects;

	private final DiscoverQueries queries;

	private final Clock clock = Clock.systemUTC();

	DiscoverExportController(Access access, ProjectStore projects, DiscoverQueries queries) {
		this.access = access;
		this.projects = projects;
		this.queries = queries;
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/events/export/")
	void export(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "field", required = false) @Nullable List<String> fields,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(name = "sort", required = false) @Nullable List<String> sort,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end,
			@RequestParam(name = "project", required = false) @Nullable List<String> project,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environment,
			@RequestParam(required = false) @Nullable String dataset, HttpServletResponse response) throws IOException {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_READ);
		List<Project> all = this.projects.listByOrganization(organization.id());
		DiscoverScope scope = DiscoverScope.parse(all, this.clock.instant(), dataset, project, environment, query,
				statsPeriod, start, end);
		if (fields == null || fields.stream().anyMatch(String::isBlank)) {
			throw ApiException.badRequest("No columns selected; give at least one field");
		}
		DiscoverFields requested = DiscoverFields.parse(scope.dataset(), fields, "field");
		Order order = requested.order(scope.dataset(), (sort != null && !sort.isEmpty()) ? sort.get(0) : null);
		long maxRows = this.queries.properties().maxExportRows();
		Query.Builder builder = scope.query(scope.range())
			.select(requested.expressions().toArray(Expression[]::new))
			.page(Cursor.FIRST, (int) Math.min(PAGE, maxRows));
		if (requested.aggregated()) {
			builder.groupBy(requested.plain().toArray(Expression[]::new));
		}
		if (order != null) {
			builder.orderBy(order);
		}
		else if (!requested.aggregated()) {
			builder.orderBy(Order.desc(Expression.field(scope.dataset(), "timestamp")));
		}
		Query first = DiscoverQueries.build(builder);
		Map<Long, String> slugs = scope.projects()
			.values()
			.stream()
			.collect(Collectors.toMap(Project::id, Project::slug));

		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"discover-" + scope.dataset().name() + ".csv\"");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				1 << 16);
		List<String> header = requested.fields().stream().map((field) -> field.text()).toList();
		writeRow(out, header);
		long[] written = { 0 };
		Query page = first;
		while (page != null) {
			Cursor next = this.queries.stream(page, (row) -> {
				if (written[0] < maxRows) {
					writeRow(out,
							requested.render(row, slugs)
								.values()
								.stream()
								.map(DiscoverExportController::text)
								.toList());
					written[0]++;
				}
			});
			page = (next == null || written[0] >= maxRows) ? null : page.at(next);
		}
		out.flush();
	}

	private static String text(@Nullable Object value) {
		return (value == null) ? "" : String.valueOf(value);
	}

	/** One CSV record, RFC 4180: a value with a comma, quote or line break is quoted. */
	static void writeRow(Writer out, List<String> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			String value = values.get(i);
			boolean quote = false;
			for (int j = 0; j < value.length() && !quote; j++) {
				char c = value.charAt(j);
				quote = c == ',' || c == '"' || c == '\n' || c == '\r';
			}
			if (quote) {
				out.write('"');
				out.write(value.replace("\"", "\"\""));
				out.write('"');
			}
			else {
				out.write(value);
			}
		}
		out.write("\r\n");
	}

}
