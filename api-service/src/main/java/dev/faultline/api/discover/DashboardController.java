package dev.faultline.api.discover;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.UserJson;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.FieldParser;
import dev.faultline.query.SearchConditions;
import dev.faultline.storage.discover.Dashboard;
import dev.faultline.storage.discover.DashboardStore;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's dashboards: {@code /api/0/organizations/{org}/dashboards/} (list, create),
 * {@code …/dashboards/{id}/} (detail, update, delete) and Faultline's
 * {@code …/dashboards/{id}/duplicate/}, with Sentry's widget model: {@code title,
 * description, displayType (line, area, bar, table, big_number, top_n), widgetType
 * (discover, error-events, transaction-like, spans), interval, limit, layout {x, y, w, h,
 * minH}, queries [{name, fields, aggregates, columns, fieldAliases, conditions,
 * orderby}]}, and the dashboard's filters ({@code projects, environment, period |
 * start/end, filters.release}).
 *
 * <p>
 * Every widget query is checked as Discover would run it (fields of its dataset,
 * conditions in the search syntax, projects of the organization), so a saved dashboard
 * always renders. An organization without dashboards of its own lists Sentry's prebuilt
 * {@code default-overview} ("General"), built by {@link DefaultDashboard}.
 */
@RestController
class DashboardController {

	static final int MAX_TITLE = 255;

	static final int MAX_WIDGETS = 30;

	/** Sentry's grid is 6 columns wide. */
	static final int GRID_COLUMNS = 6;

	static final Set<String> DISPLAY_TYPES = Set.of("line", "area", "bar", "table", "big_number", "top_n");

	static final Map<String, Dataset> WIDGET_TYPES = Map.of("discover", Datasets.ERRORS, "error-events",
			Datasets.ERRORS, "transaction-like", Datasets.TRANSACTIONS, "spans", Datasets.SPANS);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Access access;

	private final ProjectStore projects;

	private final UserStore users;

	private final DashboardStore dashboards;

	private final Clock clock = Clock.systemUTC();

	DashboardController(Access access, MetadataStores stores) {
		this.access = access;
		this.projects = stores.projects();
		this.users = stores.users();
		this.dashboards = stores.dashboards();
	}

	/** Summaries by title; the prebuilt one when the organization has none. */
	@GetMapping({ "/api/0/organizations/{organizationSlug}/dashboards/",
			"/api/0/organizations/{organizationSlug}/dashboards" })
	List<ObjectNode> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		List<ObjectNode> list = new ArrayList<>();
		List<Dashboard> own = this.dashboards.list(organization.id());
		if (own.isEmpty()) {
			list.add(summary(DefaultDashboard.json()));
		}
		for (Dashboard dashboard : own) {
			list.add(summary(json(dashboard)));
		}
		return list;
	}

	@PostMapping({ "/api/0/organizations/{organizationSlug}/dashboards/",
			"/api/0/organizations/{organizationSlug}/dashboards" })
	ResponseEntity<ObjectNode> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		Checked checked = check(organization, body);
		try {
			Dashboard created = this.dashboards.create(organization.id(), caller.user().id(), checked.title(),
					checked.body());
			return ResponseEntity.status(HttpStatus.CREATED).body(json(created));
		}
		catch (DuplicateException ex) {
			throw conflict();
		}
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/dashboards/{dashboardId}/")
	ObjectNode detail(Caller caller, @PathVariable String organizationSlug, @PathVariable String dashboardId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		if (DefaultDashboard.ID.equals(dashboardId)) {
			return DefaultDashboard.json();
		}
		return json(find(organization, dashboardId));
	}

	@PutMapping("/api/0/organizations/{organizationSlug}/dashboards/{dashboardId}/")
	ObjectNode update(Caller caller, @PathVariable String organizationSlug, @PathVariable String dashboardId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		Dashboard existing = find(organization, dashboardId);
		Checked checked = check(organization, body);
		try {
			return json(this.dashboards.update(organization.id(), existing.id(), checked.title(), checked.body())
				.orElseThrow(ApiException::notFound));
		}
		catch (DuplicateException ex) {
			throw conflict();
		}
	}

	@DeleteMapping("/api/0/organizations/{organizationSlug}/dashboards/{dashboardId}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String dashboardId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		Dashboard existing = find(organization, dashboardId);
		this.dashboards.delete(organization.id(), existing.id());
		return ResponseEntity.noContent().build();
	}

	/** A copy titled "{title} copy" (then "copy 2"…): the same widgets, ids anew. */
	@PostMapping("/api/0/organizations/{organizationSlug}/dashboards/{dashboardId}/duplicate/")
	ResponseEntity<ObjectNode> duplicate(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String dashboardId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		ObjectNode source = DefaultDashboard.ID.equals(dashboardId) ? DefaultDashboard.json()
				: json(find(organization, dashboardId));
		Set<String> titles = new HashSet<>();
		this.dashboards.list(organization.id()).forEach((dashboard) -> titles.add(dashboard.title()));
		String base = source.path("title").asString() + " copy";
		String title = base;
		for (int n = 2; titles.contains(title); n++) {
			title = base + " " + n;
		}
		source.put("title", title);
		for (JsonNode widget : source.path("widgets")) {
			((ObjectNode) widget).remove("id");
		}
		Checked checked = check(organization, source);
		Dashboard copy = this.dashboards.create(organization.id(), caller.user().id(), checked.title(), checked.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(json(copy));
	}

	private Dashboard find(Organization organization, String dashboardId) {
		long id;
		try {
			id = Long.parseLong(dashboardId);
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound();
		}
		return this.dashboards.find(organization.id(), id).orElseThrow(ApiException::notFound);
	}

	private static ApiException conflict() {
		return ApiException.conflict("Dashboard with that title already exists.");
	}

	private record Checked(String title, String body) {

	}

	/**
	 * Checks a dashboard as Sentry's serializer does and keeps what renders it: the
	 * stored body has the filters and the widgets (ids given to new ones, queries
	 * checked).
	 */
	private Checked check(Organization organization, @Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		String title = text(body, "title");
		if (title == null || title.isBlank()) {
			throw ApiException.badRequest("title: This field is required.");
		}
		title = title.trim();
		if (title.length() > MAX_TITLE) {
			throw ApiException.badRequest("title: Ensure this field has no more than " + MAX_TITLE + " characters.");
		}
		ObjectNode stored = JSON.createObjectNode();
		Set<Long> own = new HashSet<>();
		for (Project project : this.projects.listByOrganization(organization.id())) {
			own.add(project.id());
		}
		ArrayNode projectIds = stored.putArray("projects");
		for (JsonNode item : array(body, "projects")) {
			if (!item.isIntegralNumber()) {
				throw ApiException.badRequest("projects: A valid integer is required.");
			}
			if (item.longValue() != -1 && !own.contains(item.longValue())) {
				throw new ApiException(HttpStatus.FORBIDDEN, "You do not have permission to perform this action.");
			}
			projectIds.add(item.longValue());
		}
		ArrayNode environments = stored.putArray("environment");
		for (JsonNode item : array(body, "environment")) {
			environments.add(string(item, "environment"));
		}
		String period = text(body, "period");
		String start = text(body, "start");
		String end = text(body, "end");
		if (period != null && (start != null || end != null)) {
			throw ApiException.badRequest("You cannot use period and start/end at the same time.");
		}
		if ((start == null) != (end == null)) {
			throw ApiException.badRequest("start and end go together.");
		}
		if (period != null || start != null) {
			// The same reading as Discover's statsPeriod/start/end: a bad one answers
			// 400.
			TimeWindow.range(this.clock.instant(), period, start, end);
		}
		stored.put("period", period);
		stored.put("start", start);
		stored.put("end", end);
		ObjectNode filters = stored.putObject("filters");
		ArrayNode releases = filters.putArray("release");
		JsonNode givenFilters = body.get("filters");
		if (givenFilters != null && !givenFilters.isNull()) {
			if (!givenFilters.isObject()) {
				throw ApiException.badRequest("filters: Expected an object.");
			}
			for (JsonNode item : array(givenFilters, "release")) {
				releases.add(string(item, "filters.release"));
			}
		}
		ArrayNode widgets = stored.putArray("widgets");
		List<JsonNode> given = new ArrayList<>();
		array(body, "widgets").forEach(given::add);
		if (given.size() > MAX_WIDGETS) {
			throw ApiException.badRequest("widgets: at most " + MAX_WIDGETS + " widgets.");
		}
		long nextId = 1;
		for (JsonNode widget : given) {
			JsonNode id = widget.get("id");
			if (id != null && id.isString() && ClientPatterns.SMALL_ID.jdk().matcher(id.stringValue()).matches()) {
				nextId = Math.max(nextId, Long.parseLong(id.stringValue()) + 1);
			}
		}
		for (int i = 0; i < given.size(); i++) {
			widgets.add(widget(given.get(i), i, nextId + i));
		}
		return new Checked(title, JSON.writeValueAsString(stored));
	}

	private ObjectNode widget(JsonNode given, int index, long newId) {
		String where = "widgets[" + index + "]";
		if (!given.isObject()) {
			throw ApiException.badRequest(where + ": Expected an object.");
		}
		ObjectNode widget = JSON.createObjectNode();
		JsonNode id = given.get("id");
		widget.put("id",
				(id != null && id.isString() && ClientPatterns.SMALL_ID.jdk().matcher(id.stringValue()).matches())
						? id.stringValue() : Long.toString(newId));
		String title = text(given, "title");
		if (title == null || title.isBlank()) {
			throw ApiException.badRequest(where + ".title: This field is required.");
		}
		widget.put("title", title);
		String description = text(given, "description");
		widget.put("description", description);
		String displayType = text(given, "displayType");
		if (displayType == null || !DISPLAY_TYPES.contains(displayType)) {
			throw ApiException.badRequest(where + ".displayType: \"" + displayType + "\" is not a valid choice.");
		}
		widget.put("displayType", displayType);
		String widgetType = text(given, "widgetType");
		if (widgetType == null) {
			widgetType = "error-events";
		}
		Dataset dataset = WIDGET_TYPES.get(widgetType);
		if (dataset == null) {
			throw ApiException.badRequest(where + ".widgetType: \"" + widgetType + "\" is not a valid choice.");
		}
		widget.put("widgetType", widgetType);
		String interval = text(given, "interval");
		widget.put("interval", (interval == null) ? "5m" : interval);
		JsonNode limit = given.get("limit");
		if (limit != null && !limit.isNull()) {
			if (!limit.isIntegralNumber() || limit.intValue() < 1 || limit.intValue() > 10) {
				throw ApiException.badRequest(where + ".limit: Ensure this value is between 1 and 10.");
			}
			widget.put("limit", limit.intValue());
		}
		else {
			widget.putNull("limit");
		}
		widget.set("layout", layout(given.get("layout"), where));
		ArrayNode queries = widget.putArray("queries");
		List<JsonNode> givenQueries = new ArrayList<>();
		array(given, "queries").forEach(givenQueries::add);
		if (givenQueries.isEmpty()) {
			throw ApiException.badRequest(where + ".queries: A widget needs at least one query.");
		}
		for (int q = 0; q < givenQueries.size(); q++) {
			queries.add(query(givenQueries.get(q), dataset, displayType, where + ".queries[" + q + "]", q));
		}
		return widget;
	}

	private static JsonNode layout(@Nullable JsonNode given, String where) {
		if (given == null || given.isNull()) {
			return JSON.nullNode();
		}
		if (!given.isObject()) {
			throw ApiException.badRequest(where + ".layout: Expected an object.");
		}
		ObjectNode layout = JSON.createObjectNode();
		for (String key : List.of("x", "y", "w", "h", "minH")) {
			JsonNode value = given.get(key);
			if (value == null || value.isNull()) {
				if (key.equals("minH")) {
					continue;
				}
				throw ApiException.badRequest(where + ".layout." + key + ": This field is required.");
			}
			if (!value.isIntegralNumber() || value.intValue() < 0 || value.intValue() > 10_000) {
				throw ApiException.badRequest(where + ".layout." + key + ": A valid non-negative integer is required.");
			}
			layout.put(key, value.intValue());
		}
		int x = layout.path("x").intValue();
		int w = layout.path("w").intValue();
		if (w < 1 || x + w > GRID_COLUMNS || layout.path("h").intValue() < 1) {
			throw ApiException.badRequest(where + ".layout: a widget spans 1 to " + GRID_COLUMNS
					+ " columns inside the grid and at least one row.");
		}
		return layout;
	}

	/**
	 * One widget query: {@code aggregates} must be functions, {@code columns} plain
	 * fields, {@code fields} either; {@code conditions} in the search syntax;
	 * {@code orderby} one of its fields or equations (with {@code -}).
	 */
	private ObjectNode query(JsonNode given, Dataset dataset, String displayType, String where, int index) {
		if (!given.isObject()) {
			throw ApiException.badRequest(where + ": Expected an object.");
		}
		ObjectNode query = JSON.createObjectNode();
		query.put("id", Integer.toString(index + 1));
		String name = text(given, "name");
		query.put("name", (name == null) ? "" : name);
		FieldParser parser = new FieldParser(dataset);
		List<String> aggregates = strings(given, "aggregates", where);
		List<String> columns = strings(given, "columns", where);
		List<String> fields = strings(given, "fields", where);
		for (String aggregate : aggregates) {
			if (!parser.parse(aggregate).expression().overGroup()) {
				throw ApiException.badRequest(where + ".aggregates: \"" + aggregate + "\" is not a function.");
			}
		}
		for (String column : columns) {
			if (column.equals("project") || column.equals("project.name")) {
				continue;
			}
			if (parser.parse(column).expression().overGroup()) {
				throw ApiException.badRequest(where + ".columns: \"" + column + "\" is a function.");
			}
		}
		List<String> all = new ArrayList<>(fields);
		all.addAll(aggregates);
		all.addAll(columns);
		if (all.isEmpty() && !displayType.equals("table")) {
			throw ApiException.badRequest(where + ": a query needs at least one field or aggregate.");
		}
		if (!all.isEmpty()) {
			DiscoverFields.parse(dataset, all.stream().distinct().limit(DiscoverFields.MAX_FIELDS).toList(), "field");
		}
		query.set("fields", JSON.valueToTree(fields));
		query.set("aggregates", JSON.valueToTree(aggregates));
		query.set("columns", JSON.valueToTree(columns));
		query.set("fieldAliases", JSON.valueToTree(strings(given, "fieldAliases", where)));
		String conditions = text(given, "conditions");
		conditions = (conditions == null) ? "" : conditions;
		if (!conditions.isBlank()) {
			new SearchConditions(dataset).parse(conditions, this.clock.instant());
		}
		query.put("conditions", conditions);
		String orderby = text(given, "orderby");
		query.put("orderby", (orderby == null) ? "" : orderby);
		query.put("isHidden", given.path("isHidden").asBoolean(false));
		return query;
	}

	private static List<String> strings(JsonNode body, String key, String where) {
		List<String> values = new ArrayList<>();
		for (JsonNode item : array(body, key)) {
			values.add(string(item, where + "." + key));
		}
		return values;
	}

	private static Iterable<JsonNode> array(JsonNode body, String key) {
		JsonNode node = body.get(key);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw ApiException.badRequest(key + ": Expected a list of items.");
		}
		return node;
	}

	private static String string(JsonNode item, String where) {
		if (!item.isString()) {
			throw ApiException.badRequest(where + ": Not a valid string.");
		}
		return item.stringValue();
	}

	private static @Nullable String text(JsonNode body, String key) {
		JsonNode node = body.get(key);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.badRequest(key + ": Not a valid string.");
		}
		return node.stringValue();
	}

	private ObjectNode json(Dashboard dashboard) {
		ObjectNode json = JSON.createObjectNode();
		json.put("id", Long.toString(dashboard.id()));
		json.put("title", dashboard.title());
		json.put("dateCreated", ApiDates.format(dashboard.createdAt()));
		Long createdBy = dashboard.createdBy();
		if (createdBy != null) {
			this.users.findById(createdBy)
				.ifPresent((user) -> json.set("createdBy", JSON.valueToTree(UserJson.of(user))));
		}
		else {
			json.putNull("createdBy");
		}
		JsonNode stored = JSON.readTree(dashboard.body());
		stored.properties().forEach((entry) -> json.set(entry.getKey(), entry.getValue()));
		return json;
	}

	/** The list's summary of a dashboard: Sentry's widgetDisplay and widgetPreview. */
	private static ObjectNode summary(ObjectNode dashboard) {
		ObjectNode summary = JSON.createObjectNode();
		for (String key : List.of("id", "title", "dateCreated", "createdBy", "projects", "environment", "filters")) {
			summary.set(key, dashboard.get(key));
		}
		ArrayNode display = summary.putArray("widgetDisplay");
		ArrayNode preview = summary.putArray("widgetPreview");
		for (JsonNode widget : dashboard.path("widgets")) {
			display.add(widget.path("displayType").asString());
			ObjectNode item = preview.addObject();
			item.set("displayType", widget.get("displayType"));
			item.set("layout", widget.get("layout"));
		}
		return summary;
	}

}
