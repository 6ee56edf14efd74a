package dev.faultline.api.alert;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.alerts.DeliveryException;
import dev.faultline.alerts.HttpSender;
import dev.faultline.alerts.IssueAlertContext;
import dev.faultline.alerts.NotificationPayloads;
import dev.faultline.alerts.SecretBox;
import dev.faultline.alerts.SmtpSender;
import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.alert.Integration;
import dev.faultline.storage.alert.IntegrationStore;
import dev.faultline.storage.alert.NewNotification;
import dev.faultline.storage.alert.Notification;
import dev.faultline.storage.alert.NotificationOutbox;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.StatusDetails;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
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
 * The organization's notification integrations (Faultline's endpoint: Sentry installs
 * these through OAuth apps it hosts, which a self-hosted server cannot): Slack, Microsoft
 * Teams and Discord incoming webhooks, PagerDuty Events v2, Opsgenie, and internal
 * integration webhooks. Settings are sealed before they are stored and never answered: a
 * URL shows only its host, a key only that it is set. {@code test/} sends a test
 * notification now and answers how it went; {@code deliveries/} lists what went through
 * it. Reading needs {@code org:read}, changing {@code org:integrations}.
 */
@RestController
class IntegrationController {

	private static final Logger logger = LoggerFactory.getLogger(IntegrationController.class);

	private static final String LIST = "/api/0/organizations/{organizationSlug}/alert-integrations/";

	private static final String ONE = LIST + "{integrationId}/";

	private static final Set<String> PROVIDERS = Set.of("slack", "msteams", "discord", "pagerduty", "opsgenie",
			"webhook");

	private static final Set<String> SECRET_KEYS = Set.of("integrationKey", "apiKey", "clientSecret");

	private final Access access;

	private final IntegrationStore integrations;

	private final NotificationOutbox outbox;

	private final SecretBox secrets;

	private final HttpSender http;

	private final SmtpSender smtp;

	private final String baseUrl;

	private final SecureRandom random = new SecureRandom();

	IntegrationController(Access access, MetadataStores stores, SecretBox secrets, HttpSender http, SmtpSender smtp,
			FaultlineProperties properties) {
		this.access = access;
		this.integrations = stores.alerts().integrations();
		this.outbox = stores.alerts().outbox();
		this.secrets = secrets;
		this.http = http;
		this.smtp = smtp;
		this.baseUrl = properties.publicUrl();
	}

	@GetMapping(LIST)
	List<Map<String, Object>> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:read");
		List<Map<String, Object>> list = new ArrayList<>();
		for (Integration integration : this.integrations.list(organization.id())) {
			list.add(json(integration, null));
		}
		return list;
	}

	/**
	 * Creates one: {@code {"provider", "name", "config": {…}}}. A webhook integration
	 * without a {@code clientSecret} gets a generated one, answered once.
	 */
	@PostMapping(LIST)
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:integrations");
		Map<String, Object> given = (body != null) ? body : Map.of();
		String provider = AlertJson.requiredText(given, "provider");
		if (!PROVIDERS.contains(provider)) {
			throw ApiException
				.badRequest("provider must be one of " + String.join(", ", PROVIDERS.stream().sorted().toList()));
		}
		String name = AlertJson.requiredText(given, "name");
		ObjectNode config = config(provider, given.get("config"), null);
		String generated = null;
		if (provider.equals("webhook") && config.path("clientSecret").asString("").isEmpty()) {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			generated = HexFormat.of().formatHex(bytes);
			config.put("clientSecret", generated);
		}
		try {
			Integration created = this.integrations.create(organization.id(), provider, name,
					this.secrets.seal(config.toString()));
			logger.info("Created {} integration {} of organization {}", provider, created.id(), organization.id());
			return ResponseEntity.status(HttpStatus.CREATED).body(json(created, generated));
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict(ex.getMessage());
		}
	}

	@GetMapping(ONE)
	Map<String, Object> get(Caller caller, @PathVariable String organizationSlug, @PathVariable String integrationId) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:read");
		return json(find(organization, integrationId), null);
	}

	/**
	 * Renames it or changes settings; settings left out keep their values.
	 */
	@PutMapping(ONE)
	Map<String, Object> update(Caller caller, @PathVariable String organizationSlug, @PathVariable String integrationId,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:integrations");
		Integration current = find(organization, integrationId);
		Map<String, Object> given = (body != null) ? body : Map.of();
		String name = given.containsKey("name") ? AlertJson.requiredText(given, "name") : current.name();
		ObjectNode config = config(current.provider(), given.getOrDefault("config", Map.of()), open(current));
		try {
			return json(this.integrations
				.update(organization.id(), current.id(), name, this.secrets.seal(config.toString()))
				.orElseThrow(ApiException::notFound), null);
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict(ex.getMessage());
		}
	}

	@DeleteMapping(ONE)
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String integrationId) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:integrations");
		if (!this.integrations.delete(organization.id(), find(organization, integrationId).id())) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Sends a test notification through it now: {@code {"success": true}} or
	 * {@code {"success": false, "detail": "HTTP 404: no_service"}}; the result is also
	 * recorded on the integration.
	 */
	@PostMapping(ONE + "test/")
	Map<String, Object> test(Caller caller, @PathVariable String organizationSlug, @PathVariable String integrationId) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:integrations");
		Integration integration = find(organization, integrationId);
		IssueAlertContext context = testContext(organization);
		String payload = switch (integration.provider()) {
			case "slack" -> NotificationPayloads.slack(context, open(integration).path("channel").asString(""));
			case "msteams" -> NotificationPayloads.msteams(context);
			case "discord" -> NotificationPayloads.discord(context);
			case "pagerduty" -> NotificationPayloads.pagerduty(context, "info");
			case "opsgenie" -> NotificationPayloads.opsgenie(context, null, "P5");
			default -> NotificationPayloads.eventAlert(context, Long.toString(integration.id()));
		};
		Map<String, Object> result = new LinkedHashMap<>();
		try {
			this.http.send(integration, payload);
			this.integrations.recordDelivery(integration.id(), Instant.now(), null);
			result.put("success", true);
		}
		catch (DeliveryException ex) {
			this.integrations.recordDelivery(integration.id(), Instant.now(), ex.getMessage());
			result.put("success", false);
			result.put("detail", ex.getMessage());
		}
		return result;
	}

	@GetMapping(ONE + "deliveries/")
	List<Map<String, Object>> deliveries(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String integrationId) {
		Organization organization = this.access.organization(caller, organizationSlug, "org:read");
		return NotificationJson.list(this.outbox.listForIntegration(find(organization, integrationId).id(), 100));
	}

	/**
	 * Every notification of the organization, newest first: the alert history.
	 */
	@GetMapping("/api/0/organizations/{organizationSlug}/notifications/")
	List<Map<String, Object>> notifications(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:read");
		return NotificationJson.list(this.outbox.listForOrganization(organization.id(), 200));
	}

	/**
	 * Mails a test notification to the caller through the instance's SMTP server.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/notifications/test-email/")
	Map<String, Object> testEmail(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:write");
		Map<String, Object> result = new LinkedHashMap<>();
		try {
			this.smtp.send(new NewNotification(organization.id(), "test-email:" + Instant.now().toEpochMilli(), "email",
					null, null, null, null, caller.user().email(),
					NotificationPayloads.email(testContext(organization))));
			result.put("success", true);
		}
		catch (DeliveryException ex) {
			result.put("success", false);
			result.put("detail", ex.getMessage());
		}
		return result;
	}

	private Integration find(Organization organization, String integrationId) {
		return this.integrations.find(organization.id(), AlertJson.id(integrationId))
			.orElseThrow(ApiException::notFound);
	}

	private ObjectNode open(Integration integration) {
		try {
			JsonNode node = AlertJson.JSON.readTree(this.secrets.open(integration.config()));
			return (node instanceof ObjectNode object) ? object : AlertJson.JSON.createObjectNode();
		}
		catch (RuntimeException ex) {
			throw new ApiException(HttpStatus.CONFLICT,
					"The integration's settings cannot be opened with this server's key; set them again");
		}
	}

	/** The settings a body gives over {@code current}, checked for the provider. */
	private static ObjectNode config(String provider, @Nullable Object value, @Nullable ObjectNode current) {
		ObjectNode config = (current != null) ? current.deepCopy() : AlertJson.JSON.createObjectNode();
		if (value != null && !(value instanceof Map)) {
			throw ApiException.badRequest("config must be an object");
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				if (!Set.of("url", "integrationKey", "apiKey", "clientSecret", "channel").contains(key)) {
					throw ApiException.badRequest("unknown setting " + key);
				}
				if (entry.getValue() == null) {
					config.remove(key);
				}
				else {
					config.put(key, String.valueOf(entry.getValue()).strip());
				}
			}
		}
		String url = config.path("url").asString("");
		boolean urlRequired = Set.of("slack", "msteams", "discord", "webhook").contains(provider);
		if (urlRequired && url.isEmpty()) {
			throw ApiException.badRequest("config.url is required for " + provider);
		}
		if (!url.isEmpty()) {
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest("config.url is not a valid URL");
			}
			if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw ApiException.badRequest("config.url must be an http(s) URL");
			}
		}
		if (provider.equals("pagerduty") && config.path("integrationKey").asString("").isEmpty()) {
			throw ApiException.badRequest("config.integrationKey is required for pagerduty");
		}
		if (provider.equals("opsgenie") && config.path("apiKey").asString("").isEmpty()) {
			throw ApiException.badRequest("config.apiKey is required for opsgenie");
		}
		return config;
	}

	private Map<String, Object> json(Integration integration, @Nullable String generatedSecret) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(integration.id()));
		json.put("provider", integration.provider());
		json.put("name", integration.name());
		json.put("dateCreated", ApiDates.format(integration.dateCreated()));
		Map<String, Object> config = new LinkedHashMap<>();
		try {
			JsonNode open = AlertJson.JSON.readTree(this.secrets.open(integration.config()));
			for (Map.Entry<String, JsonNode> entry : open.properties()) {
				String value = entry.getValue().asString("");
				if (SECRET_KEYS.contains(entry.getKey())) {
					config.put(entry.getKey(), value.isEmpty() ? "" : "********");
				}
				else if (entry.getKey().equals("url")) {
					config.put("url", maskUrl(value));
				}
				else {
					config.put(entry.getKey(), value);
				}
			}
		}
		catch (RuntimeException ex) {
			config.put("error", "sealed with another key");
		}
		if (generatedSecret != null) {
			config.put("clientSecret", generatedSecret);
		}
		json.put("config", config);
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("lastStatus", integration.lastStatus());
		status.put("lastError", integration.lastError());
		status.put("lastDelivery", ApiDates.formatNullable(integration.lastDelivery()));
		json.put("status", status);
		return json;
	}

	/**
	 * {@code https://hooks.slack.com/…}: the path of an incoming webhook is its secret.
	 */
	private static String maskUrl(String url) {
		try {
			URI uri = URI.create(url);
			return uri.getScheme() + "://" + uri.getAuthority() + "/…";
		}
		catch (IllegalArgumentException ex) {
			return "…";
		}
	}

	private IssueAlertContext testContext(Organization organization) {
		Instant now = Instant.now();
		Project project = new Project(0, organization.id(), 0, "test-project", "Test project", "java", now, null);
		Issue issue = new Issue(0, 0, 1, "0", "This is a test notification from Faultline",
				"Faultline test notification", "info", "default", Map.of(), IssueStatus.UNRESOLVED, StatusDetails.NONE,
				null, 1, 0, now, now);
		StoredEvent event = new StoredEvent(0, "00000000000000000000000000000000", 0, now, now, "java", "info",
				issue.title(), issue.culprit(), issue.title(), null, null, null, null, Map.of(), (EventUser) null, "0",
				"test", "{\"message\":\"This is a test notification from Faultline\"}");
		return new IssueAlertContext(organization, project, issue, event, "Test notification", this.baseUrl);
	}

	/**
	 * The alert history's JSON of outbox notifications.
	 */
	static final class NotificationJson {

		private NotificationJson() {
		}

		static List<Map<String, Object>> list(List<Notification> notifications) {
			List<Map<String, Object>> list = new ArrayList<>();
			for (Notification notification : notifications) {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("id", Long.toString(notification.id()));
				json.put("channel", notification.spec().channel());
				json.put("integrationId", idText(notification.spec().integrationId()));
				json.put("ruleId", idText(notification.spec().ruleId()));
				json.put("metricRuleId", idText(notification.spec().metricRuleId()));
				json.put("issueId", idText(notification.spec().issueId()));
				json.put("destination", notification.spec().channel().equals("webhook-plugin")
						? maskUrl(notification.spec().destination()) : notification.spec().destination());
				json.put("state", notification.state());
				json.put("attempts", notification.attempts());
				json.put("lastError", notification.lastError());
				json.put("dateCreated", ApiDates.format(notification.dateCreated()));
				json.put("dateSent", ApiDates.formatNullable(notification.dateSent()));
				json.put("nextAttempt", Notification.PENDING.equals(notification.state())
						? ApiDates.format(notification.nextAttempt()) : null);
				list.add(json);
			}
			return list;
		}

		private static @Nullable String idText(@Nullable Long id) {
			return (id == null) ? null : Long.toString(id);
		}

	}

}
