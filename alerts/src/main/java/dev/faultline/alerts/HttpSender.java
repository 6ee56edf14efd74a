package dev.faultline.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.faultline.storage.alert.Integration;
import dev.faultline.storage.alert.IntegrationStore;
import dev.faultline.storage.alert.NewNotification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the HTTP channels: the legacy WebHooks plugin (an unsigned POST to the
 * notification's URL) and the integrations, whose settings it opens from the
 * organization's sealed config — Slack, Microsoft Teams and Discord incoming webhooks
 * ({@code url}), PagerDuty Events API v2 ({@code integrationKey} as {@code routing_key},
 * {@code url} defaulting to PagerDuty's), Opsgenie ({@code apiKey} as {@code GenieKey},
 * {@code url} defaulting to Opsgenie's) and internal-integration webhooks ({@code url},
 * {@code clientSecret}: {@code Sentry-Hook-*} headers with the HMAC-SHA256 of the body).
 * Every request is bounded by the timeout. Thread-safe.
 */
public final class HttpSender implements NotificationSender {

	/** PagerDuty's Events API v2 endpoint. */
	public static final String PAGERDUTY_URL = "https://events.pagerduty.com/v2/enqueue";

	/** Opsgenie's Alert API endpoint. */
	public static final String OPSGENIE_URL = "https://api.opsgenie.com/v2/alerts";

	private final IntegrationStore integrations;

	private final SecretBox secrets;

	private final HttpClient client;

	private final Duration timeout;

	private final Clock clock;

	public HttpSender(IntegrationStore integrations, SecretBox secrets, Duration timeout, Clock clock) {
		this.integrations = integrations;
		this.secrets = secrets;
		this.timeout = timeout;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public void send(NewNotification notification) throws DeliveryException {
		if (NotificationPlanner.WEBHOOK_PLUGIN.equals(notification.channel())) {
			post(notification.destination(), notification.payload(), request("Faultline-Webhooks"));
			return;
		}
		if (notification.integrationId() == null) {
			throw new DeliveryException("no integration to send " + notification.channel() + " through", true);
		}
		Integration integration = this.integrations.findById(notification.integrationId())
			.orElseThrow(() -> new DeliveryException("the integration was deleted", true));
		send(integration, notification.payload());
	}

	/**
	 * Sends a payload through an integration (the outbox's sends and the "send test
	 * notification" button).
	 */
	public void send(Integration integration, String payload) throws DeliveryException {
		JsonNode config = config(integration);
		String url = config.path("url").asString("");
		switch (integration.provider()) {
			case "slack", "msteams", "discord" -> post(required(url, "url"), payload, request("Faultline"));
			case "pagerduty" -> {
				ObjectNode body = parse(payload);
				body.put("routing_key", required(config.path("integrationKey").asString(""), "integrationKey"));
				post(url.isEmpty() ? PAGERDUTY_URL : url, body.toString(), request("Faultline"));
			}
			case "opsgenie" -> post(url.isEmpty() ? OPSGENIE_URL : url, payload, request("Faultline")
				.header("Authorization", "GenieKey " + required(config.path("apiKey").asString(""), "apiKey")));
			case "webhook" -> {
				String secret = required(config.path("clientSecret").asString(""), "clientSecret");
				String resource = parse(payload).path("data").has("metric_alert") ? "metric_alert" : "event_alert";
				post(required(url, "url"), payload,
						request("Sentry").header("Request-ID", UUID.randomUUID().toString().replace("-", ""))
							.header("Sentry-Hook-Resource", resource)
							.header("Sentry-Hook-Timestamp", Long.toString(this.clock.instant().getEpochSecond()))
							.header("Sentry-Hook-Signature", sign(secret, payload)));
			}
			default -> throw new DeliveryException("unknown provider " + integration.provider(), true);
		}
	}

	/** The hex HMAC-SHA256 of the body under the secret. */
	public static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private JsonNode config(Integration integration) throws DeliveryException {
		try {
			return IssueRuleDefinition.JSON.readTree(this.secrets.open(integration.config()));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new DeliveryException("the integration's settings cannot be opened (was the key changed?)", true, ex);
		}
	}

	private static ObjectNode parse(String payload) throws DeliveryException {
		try {
			JsonNode node = IssueRuleDefinition.JSON.readTree(payload);
			if (node instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// reported below
		}
		throw new DeliveryException("the payload is not a JSON object", true);
	}

	private static String required(String value, String name) throws DeliveryException {
		if (value.isBlank()) {
			throw new DeliveryException("the integration has no " + name, true);
		}
		return value;
	}

	private HttpRequest.Builder request(String agent) {
		return HttpRequest.newBuilder()
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", agent);
	}

	private void post(String url, String body, HttpRequest.Builder request) throws DeliveryException {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new DeliveryException("invalid URL", true, ex);
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw new DeliveryException("not an http(s) URL", true);
		}
		HttpResponse<String> response;
		try {
			response = this.client.send(
					request.uri(uri).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new DeliveryException(uri.getHost() + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""), false, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted", false, ex);
		}
		int status = response.statusCode();
		if (status / 100 != 2) {
			String detail = NotificationPayloads.truncate(response.body().strip(), 200);
			boolean retry = status == 408 || status == 429 || status >= 500;
			throw new DeliveryException("HTTP " + status + (detail.isEmpty() ? "" : ": " + detail), !retry);
		}
	}

}
