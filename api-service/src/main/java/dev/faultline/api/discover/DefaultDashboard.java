package dev.faultline.api.discover;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sentry's prebuilt dashboard of an organization that has none of its own
 * ({@code default-overview}, "General"): errors over time, the top issues, Apdex, p95 by
 * transaction and the web vitals. Read-only: a client that edits it saves a new
 * dashboard, as Sentry's does. (Crash-free sessions join it once the sessions dataset
 * answers Discover queries.)
 */
final class DefaultDashboard {

	static final String ID = "default-overview";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DefaultDashboard() {
	}

	static ObjectNode json() {
		ObjectNode dashboard = JSON.createObjectNode();
		dashboard.put("id", ID);
		dashboard.put("title", "General");
		dashboard.putNull("dateCreated");
		dashboard.putNull("createdBy");
		dashboard.putArray("projects");
		dashboard.putArray("environment");
		dashboard.put("period", "24h");
		dashboard.putNull("start");
		dashboard.putNull("end");
		dashboard.putObject("filters").putArray("release");
		dashboard.put("isPrebuilt", true);
		ArrayNode widgets = dashboard.putArray("widgets");
		widgets
			.add(widget(1, "Errors over time", "line", "error-events", List.of(), List.of("count()"), "", 0, 0, 4, 2));
		widgets.add(
				widget(2, "Apdex", "big_number", "transaction-like", List.of(), List.of("apdex(300)"), "", 4, 0, 2, 1));
		widgets.add(widget(3, "Failure rate", "big_number", "transaction-like", List.of(), List.of("failure_rate()"),
				"", 4, 1, 2, 1));
		widgets.add(widget(4, "Top issues", "table", "error-events", List.of("issue.id", "title"),
				List.of("count()", "count_unique(user)"), "-count()", 0, 2, 3, 2));
		widgets.add(widget(5, "p95 by transaction", "table", "transaction-like", List.of("transaction"),
				List.of("p95(transaction.duration)", "count()"), "-count()", 3, 2, 3, 2));
		widgets.add(widget(
				6, "Web vitals", "table", "transaction-like", List.of("transaction"), List.of("p75(measurements.lcp)",
						"p75(measurements.fcp)", "p75(measurements.cls)", "p75(measurements.inp)"),
				"-p75(measurements.lcp)", 0, 4, 6, 2));
		return dashboard;
	}

	private static ObjectNode widget(int id, String title, String displayType, String widgetType, List<String> columns,
			List<String> aggregates, String orderby, int x, int y, int w, int h) {
		ObjectNode widget = JSON.createObjectNode();
		widget.put("id", Integer.toString(id));
		widget.put("title", title);
		widget.putNull("description");
		widget.put("displayType", displayType);
		widget.put("widgetType", widgetType);
		widget.put("interval", "1h");
		widget.putNull("limit");
		ObjectNode layout = widget.putObject("layout");
		layout.put("x", x).put("y", y).put("w", w).put("h", h).put("minH", 1);
		ObjectNode query = widget.putArray("queries").addObject();
		query.put("id", "1");
		query.put("name", "");
		ArrayNode fields = query.putArray("fields");
		columns.forEach(fields::add);
		aggregates.forEach(fields::add);
		query.set("aggregates", JSON.valueToTree(aggregates));
		query.set("columns", JSON.valueToTree(columns));
		query.putArray("fieldAliases");
		query.put("conditions", "");
		query.put("orderby", orderby);
		query.put("isHidden", false);
		return widget;
	}

}
