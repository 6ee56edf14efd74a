package dev.faultline.api.discover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import dev.faultline.storage.discover.SavedQuery;
import dev.faultline.storage.discover.SavedQueryStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's saved Discover queries: {@code /api/0/organizations/{org}/discover/saved/}
 * (list, create) and {@code …/saved/{id}/} (detail, update, delete), with Sentry's JSON
 * ({@code id, name, projects, version: 2, queryDataset, fields, orderby, query,
 * environment, range|start|end, yAxis, display, topEvents, interval, dateCreated,
 * dateUpdated, createdBy}).
 *
 * <p>
 * A query is shared with the organization unless saved with {@code "shared": false}
 * (every Sentry saved query is the organization's; a personal one is Faultline's
 * addition). The caller sees its own and the shared ones; only the owner changes or
 * deletes one. The fields must read as fields of the query's dataset and the projects
 * must be the organization's, so a saved query always opens.
 */
@RestController
class SavedQueryController {

	static final int MAX_NAME = 255;

	/** Sentry's datasets of a saved query, and the dataset its fields are read over. */
	private static final Map<String, Dataset> DATASETS = Map.of("discover", Datasets.ERRORS, "error-events",
			Datasets.ERRORS, "transaction-like", Datasets.TRANSACTIONS);

	/** The query keys kept as given (after their checks). */
	private static final Set<String> TEXT_KEYS = Set.of("query", "orderby", "range", "start", "end", "display",
			"interval");

	private static final Set<String> LIST_KEYS = Set.of("fields", "environment", "yAxis", "widths");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Access access;

	private final ProjectStore projects;

	private final UserStore users;

	private final SavedQueryStore queries;

	SavedQueryController(Access access, MetadataStores stores) {
		this.access = access;
		this.projects = stores.projects();
		this.users = stores.users();
		this.queries = stores.savedQueries();
	}

	/**
	 * The caller's visible queries; {@code query} filters by name (case-insensitive),
	 * {@code sortBy} is {@code name}, {@code dateCreated} or {@code dateUpdated}, with
	 * {@code -} for descending (default: most recently updated first).
	 */
	@GetMapping({ "/api/0/organizations/{organizationSlug}/discover/saved/",
			"/api/0/organizations/{organizationSlug}/discover/saved" })
	List<ObjectNode> list(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String sortBy) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		List<SavedQuery> visible = new ArrayList<>(this.queries.listVisible(organization.id(), caller.user().id()));
		if (query != null && !query.isBlank()) {
			String needle = query.trim().toLowerCase(Locale.ROOT);
			visible.removeIf((saved) -> !saved.name().toLowerCase(Locale.ROOT).contains(needle));
		}
		if (sortBy != null && !sortBy.isBlank()) {
			visible.sort(order(sortBy.trim()));
		}
		return visible.stream().map(this::json).toList();
	}

	@PostMapping({ "/api/0/organizations/{organizationSlug}/discover/saved/",
			"/api/0/organizations/{organizationSlug}/discover/saved" })
	ResponseEntity<ObjectNode> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		Checked checked = check(organization, body);
		SavedQuery saved = this.queries.create(organization.id(), caller.user().id(), checked.name(), checked.shared(),
				checked.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(json(saved));
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/discover/saved/{queryId}/")
	ObjectNode detail(Caller caller, @PathVariable String organizationSlug, @PathVariable long queryId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		return json(this.queries.findVisible(organization.id(), queryId, caller.user().id())
			.orElseThrow(ApiException::notFound));
	}

	@PutMapping("/api/0/organizations/{organizationSlug}/discover/saved/{queryId}/")
	ObjectNode update(Caller caller, @PathVariable String organizationSlug, @PathVariable long queryId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		SavedQuery existing = this.queries.findVisible(organization.id(), queryId, caller.user().id())
			.orElseThrow(ApiException::notFound);
		requireOwner(caller, existing);
		Checked checked = check(organization, body);
		return json(this.queries
			.update(organization.id(), queryId, caller.user().id(), checked.name(), checked.shared(), checked.body())
			.orElseThrow(ApiException::notFound));
	}

	@DeleteMapping("/api/0/organizations/{organizationSlug}/discover/saved/{queryId}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable long queryId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		SavedQuery existing = this.queries.findVisible(organization.id(), queryId, caller.user().id())
			.orElseThrow(ApiException::notFound);
		requireOwner(caller, existing);
		this.queries.delete(organization.id(), queryId, caller.user().id());
		return ResponseEntity.noContent().build();
	}

	private static void requireOwner(Caller caller, SavedQuery query) {
		Long owner = query.ownerUserId();
		if (owner == null || owner != caller.user().id()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Only the creator of a saved query can change or delete it.");
		}
	}

	private static Comparator<SavedQuery> order(String sortBy) {
		boolean descending = sortBy.startsWith("-");
		String key = descending ? sortBy.substring(1) : sortBy;
		Comparator<SavedQuery> comparator = switch (key) {
			case "name" -> Comparator.comparing((SavedQuery saved) -> saved.name().toLowerCase(Locale.ROOT));
			case "dateCreated" -> Comparator.comparing(SavedQuery::createdAt);
			case "dateUpdated" -> Comparator.comparing(SavedQuery::updatedAt);
			default -> throw ApiException.badRequest("sortBy: \"" + sortBy + "\" is not a valid choice.");
		};
		comparator = comparator.thenComparing(SavedQuery::id);
		return descending ? comparator.reversed() : comparator;
	}

	/** A request body checked: the stored document holds the query keys only. */
	private record Checked(String name, boolean shared, String body) {

	}

	private Checked check(Organization organization, @Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		JsonNode nameNode = body.get("name");
		if (nameNode == null || !nameNode.isString() || nameNode.stringValue().isBlank()) {
			throw ApiException.badRequest("name: This field is required.");
		}
		String name = nameNode.stringValue().trim();
		if (name.length() > MAX_NAME) {
			throw ApiException.badRequest("name: Ensure this field has no more than " + MAX_NAME + " characters.");
		}
		JsonNode sharedNode = body.get("shared");
		if (sharedNode != null && !sharedNode.isNull() && !sharedNode.isBoolean()) {
			throw ApiException.badRequest("shared: Must be a valid boolean.");
		}
		boolean shared = sharedNode == null || sharedNode.isNull() || sharedNode.booleanValue();

		ObjectNode stored = JSON.createObjectNode();
		String datasetName = optionalText(body, "queryDataset");
		if (datasetName == null) {
			datasetName = "discover";
		}
		Dataset dataset = DATASETS.get(datasetName);
		if (dataset == null) {
			throw ApiException.badRequest("queryDataset: \"" + datasetName + "\" is not a valid choice.");
		}
		stored.put("queryDataset", datasetName);
		stored.set("projects", projectIds(organization, body.get("projects")));
		for (String key : TEXT_KEYS) {
			String value = optionalText(body, key);
			if (value != null) {
				stored.put(key, value);
			}
		}
		if (stored.has("range") && (stored.has("start") || stored.has("end"))) {
			throw ApiException.badRequest("You cannot use range and start/end at the same time.");
		}
		for (String key : LIST_KEYS) {
			JsonNode value = body.get(key);
			if (value == null || value.isNull()) {
				continue;
			}
			// Sentry accepts a single yAxis as a string.
			if (value.isString() && key.equals("yAxis")) {
				stored.set(key, JSON.createArrayNode().add(value.stringValue()));
				continue;
			}
			if (!value.isArray()) {
				throw ApiException.badRequest(key + ": Expected a list of items.");
			}
			for (JsonNode item : value) {
				if (!(item.isString() || (key.equals("widths") && item.isNumber()))) {
					throw ApiException.badRequest(key + ": Expected a list of strings.");
				}
			}
			stored.set(key, value);
		}
		JsonNode fields = stored.get("fields");
		if (fields == null || fields.isEmpty()) {
			throw ApiException.badRequest("fields: Please select at least one column.");
		}
		List<String> texts = new ArrayList<>();
		fields.forEach((field) -> texts.add(field.stringValue()));
		// Every field must be one the dataset offers; a syntax error answers 400.
		DiscoverFields.parse(dataset, texts, "field");
		JsonNode topEvents = body.get("topEvents");
		if (topEvents != null && !topEvents.isNull()) {
			if (!topEvents.isIntegralNumber() || topEvents.intValue() < 1 || topEvents.intValue() > 10) {
				throw ApiException.badRequest("topEvents: Ensure this value is between 1 and 10.");
			}
			stored.put("topEvents", topEvents.intValue());
		}
		return new Checked(name, shared, JSON.writeValueAsString(stored));
	}

	/**
	 * Project ids of the organization; {@code -1} (all projects) is kept as Sentry does.
	 */
	private JsonNode projectIds(Organization organization, @Nullable JsonNode value) {
		var ids = JSON.createArrayNode();
		if (value == null || value.isNull()) {
			return ids;
		}
		if (!value.isArray()) {
			throw ApiException.badRequest("projects: Expected a list of items.");
		}
		Set<Long> own = new java.util.HashSet<>();
		for (Project project : this.projects.listByOrganization(organization.id())) {
			own.add(project.id());
		}
		for (JsonNode item : value) {
			long id;
			if (item.isIntegralNumber()) {
				id = item.longValue();
			}
			else if (item.isString() && ClientPatterns.SIGNED_ID.jdk().matcher(item.stringValue()).matches()) {
				id = Long.parseLong(item.stringValue());
			}
			else {
				throw ApiException.badRequest("projects: A valid integer is required.");
			}
			if (id != -1 && !own.contains(id)) {
				throw new ApiException(HttpStatus.FORBIDDEN, "You do not have permission to perform this action.");
			}
			ids.add(id);
		}
		return ids;
	}

	private static @Nullable String optionalText(JsonNode body, String key) {
		JsonNode node = body.get(key);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.badRequest(key + ": Not a valid string.");
		}
		return node.stringValue();
	}

	private ObjectNode json(SavedQuery saved) {
		ObjectNode json = JSON.createObjectNode();
		json.put("id", Long.toString(saved.id()));
		json.put("name", saved.name());
		json.put("version", 2);
		json.put("expired", false);
		json.put("shared", saved.shared());
		JsonNode stored = JSON.readTree(saved.body());
		Map<String, JsonNode> keys = new LinkedHashMap<>();
		stored.properties().forEach((entry) -> keys.put(entry.getKey(), entry.getValue()));
		keys.forEach(json::set);
		json.put("dateCreated", ApiDates.format(saved.createdAt()));
		json.put("dateUpdated", ApiDates.format(saved.updatedAt()));
		Long owner = saved.ownerUserId();
		if (owner != null) {
			this.users.findById(owner).ifPresent((user) -> json.set("createdBy", JSON.valueToTree(UserJson.of(user))));
		}
		return json;
	}

}
