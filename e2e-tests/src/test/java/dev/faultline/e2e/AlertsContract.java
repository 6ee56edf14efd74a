package dev.faultline.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.e2e.FaultlineApi.Project;
import io.sentry.Sentry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts end to end, as a user sets them up through Sentry's Web API and the official
 * Java SDK: a new-issue rule with the WebHooks plugin and a mail action fires once for a
 * new issue (one POST to the local receiver, one mail in a real SMTP server), and not
 * again for a second event of the same issue within the rule's interval; a metric alert
 * over {@code count()} goes critical (an incident, a signed {@code metric_alert} webhook)
 * and resolves when the window empties. Subclasses expose a running Faultline of one
 * shape configured by {@link #environment(int)}.
 */
abstract class AlertsContract {

	private static final String ORGANIZATION = IssueWorkflowContract.ORGANIZATION;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	abstract FaultlineApi api();

	/** The port of the SMTP server the shape was started with. */
	abstract int mailPort();

	/**
	 * The configuration a shape under this contract runs with: mail to a local SMTP port,
	 * rules read without caching, metric alerts every two seconds, a fast dispatch.
	 */
	static Map<String, String> environment(int mailPort) {
		return Map.of("FAULTLINE_ALERTS_MAIL_HOST", "127.0.0.1", "FAULTLINE_ALERTS_MAIL_PORT",
				Integer.toString(mailPort), "FAULTLINE_ALERTS_RULE_CACHE_TTL", "0s", "FAULTLINE_ALERTS_METRIC_INTERVAL",
				"2s", "FAULTLINE_ALERTS_DISPATCH_INTERVAL", "200ms");
	}

	/** {@link #environment} as command-line arguments of a Spring application. */
	static List<String> arguments(int mailPort) {
		return List.of("--faultline.alerts.mail.host=127.0.0.1", "--faultline.alerts.mail.port=" + mailPort,
				"--faultline.alerts.rule-cache-ttl=0s", "--faultline.alerts.metric-interval=2s",
				"--faultline.alerts.dispatch-interval=200ms");
	}

	private GreenMail mail;

	private HttpServer receiver;

	private final List<String[]> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startReceivers() throws IOException {
		this.mail = new GreenMail(new ServerSetup(mailPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.received.add(new String[] { exchange.getRequestURI().getPath(),
						new String(body.readAllBytes(), StandardCharsets.UTF_8),
						String.valueOf(exchange.getRequestHeaders().getFirst("Sentry-Hook-Signature")) });
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceivers() {
		this.receiver.stop(0);
		this.mail.stop();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
	}

	private List<String[]> received(String path) {
		return this.received.stream().filter((request) -> request[0].equals(path)).toList();
	}

	@Test
	void aNewIssueNotifiesTheWebhookAndTheInboxOnceAndAMetricAlertFiresAndResolves() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Alerting", "java");
		String projectPath = "/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/";
		api().put(projectPath + "plugins/webhooks/", Map.of("urls", url("/plugin")));
		String adminId = null;
		for (JsonNode member : api().get("/api/0/organizations/" + ORGANIZATION + "/members/")) {
			if (member.path("email").asString().equals(StandaloneFaultline.ADMIN_EMAIL)) {
				adminId = member.path("id").asString();
			}
		}
		assertThat(adminId).isNotNull();
		api().send("POST", projectPath + "rules/",
				Map.of("name", "New issues", "frequency", 30, "actionMatch", "all", "conditions",
						List.of(Map.of("id", "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition")),
						"actions",
						List.of(Map.of("id", "sentry.rules.actions.notify_event_service.NotifyEventServiceAction",
								"service", "webhooks"),
								Map.of("id", "sentry.mail.actions.NotifyEmailAction", "targetType", "Member",
										"targetIdentifier", adminId))),
				201);

		String first = send(project, new IllegalStateException("Payment provider unreachable"));
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			assertThat(received("/plugin")).hasSize(1);
			assertThat(this.mail.getReceivedMessages()).hasSize(1);
		});
		JsonNode hook = JSON.readTree(received("/plugin").get(0)[1]);
		assertThat(hook.path("project").asString()).isEqualTo(project.slug());
		assertThat(hook.path("triggering_rules").get(0).asString()).isEqualTo("New issues");
		assertThat(hook.path("event").path("event_id").asString()).isEqualTo(first);
		assertThat(hook.path("event").path("exception").path("values").get(0).path("type").asString())
			.isEqualTo("IllegalStateException");
		MimeMessage message = this.mail.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo(StandaloneFaultline.ADMIN_EMAIL);
		assertThat(message.getSubject()).contains("IllegalStateException");

		// The same issue again, then a marker issue: once the marker's notification is
		// in,
		// the second event was evaluated before it and sent nothing.
		send(project, new IllegalStateException("Payment provider unreachable"));
		send(project, new UnsupportedOperationException("Marker after the repeat"));
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(received("/plugin")).hasSize(2));
		assertThat(JSON.readTree(received("/plugin").get(1)[1])
			.path("event")
			.path("exception")
			.path("values")
			.get(0)
			.path("type")
			.asString()).isEqualTo("UnsupportedOperationException");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mail.getReceivedMessages()).hasSize(2));

		// A metric alert over count() of the project's errors in the last minute.
		JsonNode integration = api().send("POST", "/api/0/organizations/" + ORGANIZATION + "/alert-integrations/",
				Map.of("provider", "webhook", "name", "Metric hooks " + project.slug(), "config",
						Map.of("url", url("/metric"), "clientSecret", "metric-secret")),
				201);
		JsonNode rule = api().send("POST", "/api/0/organizations/" + ORGANIZATION + "/alert-rules/", Map
			.of("name", "Error burst", "aggregate", "count()", "query", "", "dataset", "events", "timeWindow", 1,
					"thresholdType", 0, "projects", List.of(project.slug()), "triggers", List.of(Map.of("label",
							"critical", "alertThreshold", 2, "actions", List.of(Map.of("type", "sentry_app",
									"targetType", "sentry_app", "sentryAppId", integration.path("id").asString()))))),
				201);
		String ruleId = rule.path("id").asString();
		for (int i = 0; i < 3; i++) {
			send(project, new IllegalArgumentException("Burst " + i));
		}
		String incidents = "/api/0/organizations/" + ORGANIZATION + "/incidents/?alertRule=" + ruleId;
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode list = api().get(incidents);
			assertThat(list).hasSize(1);
			assertThat(list.get(0).path("status").asInt()).isEqualTo(20);
			assertThat(received("/metric")).isNotEmpty();
		});
		String[] critical = received("/metric").get(0);
		JsonNode criticalBody = JSON.readTree(critical[1]);
		assertThat(criticalBody.path("action").asString()).isEqualTo("critical");
		assertThat(criticalBody.path("data").path("metric_alert").path("alert_rule").path("aggregate").asString())
			.isEqualTo("count()");
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec("metric-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(critical[2])
			.isEqualTo(java.util.HexFormat.of().formatHex(mac.doFinal(critical[1].getBytes(StandardCharsets.UTF_8))));

		// No more events: once they leave the one-minute window the incident resolves.
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(api().get(incidents).get(0).path("status").asInt()).isEqualTo(2);
			assertThat(received("/metric")).hasSize(2);
		});
		assertThat(JSON.readTree(received("/metric").get(1)[1]).path("action").asString()).isEqualTo("resolved");
		String identifier = api().get(incidents).get(0).path("identifier").asString();
		JsonNode activity = api()
			.get("/api/0/organizations/" + ORGANIZATION + "/incidents/" + identifier + "/activity/");
		assertThat(activity.findValues("type").stream().map(JsonNode::asInt).toList()).containsExactly(4, 1, 2, 2);
	}

	private static String send(Project project, Exception exception) {
		Sentry.init((options) -> {
			options.setDsn(project.dsn());
			options.setEnvironment("production");
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			return Sentry.captureException(exception).toString();
		}
		finally {
			Sentry.flush(20_000);
			Sentry.close();
		}
	}

}
