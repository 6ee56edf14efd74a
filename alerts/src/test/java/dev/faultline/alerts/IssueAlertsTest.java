package dev.faultline.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faultline.storage.alert.AlertStores;
import dev.faultline.storage.alert.Integration;
import dev.faultline.storage.alert.IssueAlertRule;
import dev.faultline.storage.alert.IssueAlertRuleSpec;
import dev.faultline.storage.alert.Notification;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.StatusChange;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import dev.faultline.storage.tck.metadata.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Issue alerts from a stored event to a delivered notification, on the embedded engines
 * (SQLite metadata, DuckDB events): the evaluator fires rules as Sentry's rule JSON says,
 * once per issue and interval, the outbox holds what fired and the dispatcher delivers it
 * to local HTTP receivers (checked against the documented shapes) and a real SMTP server
 * (GreenMail), retrying with backoff and giving up on a refusal.
 */
class IssueAlertsTest {

	private static final String FIRST_SEEN = "{\"id\":\"sentry.rules.conditions.first_seen_event.FirstSeenEventCondition\"}";

	private static final String WEBHOOKS = "{\"id\":\"sentry.rules.actions.notify_event_service.NotifyEventServiceAction\",\"service\":\"webhooks\"}";

	@TempDir
	Path directory;

	private final MutableClock clock = new MutableClock(
			Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

	private MetadataStores stores;

	private DuckDbEventStore events;

	private Receiver receiver;

	private GreenMail mail;

	private Organization org;

	private Project project;

	private User ann;

	private SecretBox secrets;

	private IssueAlertEvaluator evaluator;

	private NotificationDispatcher dispatcher;

	private int sequence;

	@BeforeEach
	void open() throws Exception {
		this.stores = SqliteMetadataStores.open(this.directory.resolve("metadata.db"), this.clock);
		this.events = DuckDbEventStore.open(this.directory.resolve("events.duckdb"));
		this.receiver = new Receiver();
		this.mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		this.org = this.stores.organizations().create("acme", "Acme");
		long team = this.stores.organizations().createTeam(this.org.id(), "core", "Core").id();
		this.project = this.stores.projects().create(this.org.id(), team, "shop", "Shop", "java");
		this.ann = this.stores.users().create("ann@example.com", "Ann", "x");
		this.stores.organizations().addMember(this.org.id(), this.ann.id(), "owner");
		User bob = this.stores.users().create("bob@example.com", "Bob", "x");
		this.stores.organizations().addMember(this.org.id(), bob.id(), "member");
		byte[] key = new byte[32];
		key[0] = 7;
		this.secrets = new SecretBox(key);
		AlertStores alerts = this.stores.alerts();
		this.evaluator = new IssueAlertEvaluator(alerts.issueRules(), this.stores.issues(), this.stores.projects(),
				this.stores.organizations(), this.stores.releases(), new QueryEventCounts(this.events),
				new NotificationPlanner(alerts.webhookPlugins(), alerts.integrations(), this.stores.organizations()),
				alerts.outbox(), "http://faultline.test", this.clock, Duration.ZERO);
		SmtpSender smtp = new SmtpSender(new SmtpSettings("127.0.0.1", this.mail.getSmtp().getPort(),
				"alerts@faultline.test", null, null, false, Duration.ofSeconds(5)));
		this.dispatcher = new NotificationDispatcher(alerts.outbox(), alerts.integrations(),
				Map.of(NotificationPlanner.EMAIL, smtp),
				new HttpSender(alerts.integrations(), this.secrets, Duration.ofSeconds(5), this.clock), this.clock,
				Duration.ofMinutes(1), Duration.ofSeconds(30), 3);
		alerts.webhookPlugins().save(this.project.id(), true, List.of(this.receiver.url("/plugin")));
	}

	@AfterEach
	void close() {
		this.mail.stop();
		this.receiver.close();
		this.events.close();
		this.stores.close();
	}

	private IssueAlertRule rule(String name, int frequencyMinutes, String conditions, String filters, String actions) {
		return this.stores.alerts()
			.issueRules()
			.create(this.project.id(), new IssueAlertRuleSpec(name, null, "all", "all", frequencyMinutes,
					"[" + conditions + "]", "[" + filters + "]", "[" + actions + "]", null, "active"), null);
	}

	/** Stores one event of the issue of {@code hash} as the processor does. */
	private AlertCandidate event(String hash, String level, Map<String, String> tags) {
		Issue before = this.stores.issues()
			.findOrCreate(new NewIssue(this.project.id(), hash, "IllegalStateException: " + hash,
					"com.example.Orders in place", level, "error", Map.of("type", "IllegalStateException"),
					this.clock.instant()))
			.orElseThrow();
		String eventId = HexFormat.of().toHexDigits((long) ++this.sequence) + "0000000000000000";
		Instant at = this.clock.instant();
		String payload = "{\"event_id\":\"" + eventId + "\",\"level\":\"" + level + "\",\"logger\":\"orders\","
				+ "\"exception\":{\"values\":[{\"type\":\"IllegalStateException\",\"value\":\"" + hash + "\","
				+ "\"mechanism\":{\"type\":\"generic\",\"handled\":false},\"stacktrace\":{\"frames\":["
				+ "{\"module\":\"com.example.Orders\",\"function\":\"place\",\"filename\":\"Orders.java\",\"lineno\":42}]}}]}}";
		StoredEvent event = new StoredEvent(this.project.id(), eventId, before.id(), at, at, "java", level,
				"IllegalStateException: " + hash, "com.example.Orders in place", hash, "shop@1.0", "production", null,
				null, tags, new EventUser("u" + this.sequence, null, null, null), hash, "app", payload);
		this.events.write(List.of(event));
		this.stores.issues()
			.recordOccurrence(new EventOccurrence(before.id(), this.project.id(), eventId, at, level,
					"id:u" + this.sequence, hash, "shop@1.0"));
		return new AlertCandidate(event, before.timesSeen() == 0, before.status());
	}

	private List<Notification> outbox() {
		return this.stores.alerts().outbox().listForOrganization(this.org.id(), 100);
	}

	@Test
	void aNewIssueRuleNotifiesOncePerIssueByWebhookAndMail() throws Exception {
		String mailMember = "{\"id\":\"sentry.mail.actions.NotifyEmailAction\",\"targetType\":\"Member\",\"targetIdentifier\":"
				+ this.ann.id() + "}";
		IssueAlertRule rule = rule("New issues", 30, FIRST_SEEN, "", WEBHOOKS + "," + mailMember);

		AlertCandidate first = event("checkout", "error", Map.of("browser", "Firefox"));
		assertThat(this.evaluator.evaluate(List.of(first))).isEqualTo(2);
		assertThat(this.evaluator.evaluate(List.of(event("checkout", "error", Map.of())))).isZero();
		assertThat(this.dispatcher.dispatchDue(10)).isEqualTo(2);

		assertThat(this.receiver.requests).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/plugin");
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
			JsonNode body = IssueRuleDefinition.JSON.readTree(request.body());
			Issue issue = this.stores.issues().findById(first.event().issueId()).orElseThrow();
			assertThat(body.path("id").asString()).isEqualTo(Long.toString(issue.id()));
			assertThat(body.path("project").asString()).isEqualTo("shop");
			assertThat(body.path("project_name").asString()).isEqualTo("Shop");
			assertThat(body.path("level").asString()).isEqualTo("error");
			assertThat(body.path("culprit").asString()).isEqualTo("com.example.Orders in place");
			assertThat(body.path("url").asString())
				.isEqualTo("http://faultline.test/issues/" + issue.id() + "/?referrer=webhooks_plugin");
			assertThat(body.path("triggering_rules").get(0).asString()).isEqualTo("New issues");
			assertThat(body.path("event").path("event_id").asString()).hasSize(32);
			assertThat(body.path("event").path("tags").get(0).get(0).asString()).isEqualTo("browser");
			assertThat(body.path("event").path("exception").path("values").get(0).path("type").asString())
				.isEqualTo("IllegalStateException");
		});
		MimeMessage[] received = this.mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
		assertThat(received[0].getSubject()).isEqualTo("[Faultline] SHOP-1 - IllegalStateException: checkout");
		String content = GreenMailUtil.getBody(received[0]);
		assertThat(content).contains("com.example.Orders in place").contains("Orders.java:42").contains("browser");
		assertThat(outbox())
			.allSatisfy((notification) -> assertThat(notification.state()).isEqualTo(Notification.SENT));
		assertThat(this.stores.alerts().issueRules().fires(rule.id(), 10)).hasSize(1);

		event("second-issue", "error", Map.of());
		assertThat(this.evaluator.evaluate(List.of(event("third-issue", "error", Map.of())))).isEqualTo(2);
	}

	@Test
	void aFrequencyRuleFiresAfterTheNthEventAndNotBefore() {
		rule("Busy", 60,
				"{\"id\":\"sentry.rules.conditions.event_frequency.EventFrequencyCondition\",\"value\":2,\"interval\":\"1h\"}",
				"", WEBHOOKS);
		assertThat(this.evaluator.evaluate(List.of(event("busy", "error", Map.of())))).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.evaluator.evaluate(List.of(event("busy", "error", Map.of())))).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.evaluator.evaluate(List.of(event("busy", "error", Map.of())))).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.evaluator.evaluate(List.of(event("busy", "error", Map.of())))).as("within the action interval")
			.isZero();
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.evaluator.evaluate(List.of(event("busy", "error", Map.of()))))
			.as("an hour later only one event is within the window")
			.isZero();
	}

	@Test
	void regressionsFireThroughFiltersAndRulesCombineByMatch() {
		rule("Regressed errors", 0, "{\"id\":\"sentry.rules.conditions.regression_event.RegressionEventCondition\"}",
				"{\"id\":\"sentry.rules.filters.level.LevelFilter\",\"match\":\"gte\",\"level\":\"40\"},"
						+ "{\"id\":\"sentry.rules.filters.tagged_event.TaggedEventFilter\",\"key\":\"browser\",\"match\":\"sw\",\"value\":\"fire\"},"
						+ "{\"id\":\"sentry.rules.conditions.event_attribute.EventAttributeCondition\",\"attribute\":\"exception.type\",\"match\":\"eq\",\"value\":\"illegalstateexception\"},"
						+ "{\"id\":\"sentry.rules.filters.issue_occurrences.IssueOccurrencesFilter\",\"value\":2}",
				WEBHOOKS);
		AlertCandidate first = event("regress", "error", Map.of("browser", "Firefox"));
		assertThat(this.evaluator.evaluate(List.of(first))).isZero();
		this.stores.issues().updateStatus(first.event().issueId(), new StatusChange.Resolve(), null);
		assertThat(this.evaluator.evaluate(List.of(event("regress", "warning", Map.of("browser", "Firefox")))))
			.as("the level filter")
			.isZero();
		this.stores.issues().updateStatus(first.event().issueId(), new StatusChange.Resolve(), null);
		assertThat(this.evaluator.evaluate(List.of(event("regress", "error", Map.of("browser", "Chrome")))))
			.as("the tag filter")
			.isZero();
		this.stores.issues().updateStatus(first.event().issueId(), new StatusChange.Resolve(), null);
		AlertCandidate regression = event("regress", "error", Map.of("browser", "Firefox"));
		assertThat(regression.statusBefore()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(this.evaluator.evaluate(List.of(regression))).isEqualTo(1);
		assertThat(this.evaluator.evaluate(List.of(event("regress", "error", Map.of("browser", "Firefox")))))
			.as("no longer a regression")
			.isZero();

		rule("Not from Firefox", 0, "{\"id\":\"sentry.rules.conditions.every_event.EveryEventCondition\"}", "",
				WEBHOOKS);
		IssueAlertRule none = this.stores.alerts()
			.issueRules()
			.create(this.project.id(), new IssueAlertRuleSpec("none of", null, "none", "all", 0,
					"[{\"id\":\"sentry.rules.filters.tagged_event.TaggedEventFilter\",\"key\":\"browser\",\"match\":\"eq\",\"value\":\"firefox\"}]",
					"[]", "[" + WEBHOOKS + "]", null, "active"), null);
		assertThat(none.id()).isPositive();
		assertThat(this.evaluator.evaluate(List.of(event("regress", "error", Map.of("browser", "Safari")))))
			.as("every-event and none-of-firefox")
			.isEqualTo(2);
	}

	@Test
	void theDispatcherRetriesWithBackoffGivesUpOnRefusalsAndSignsIntegrationWebhooks() throws Exception {
		AlertStores alerts = this.stores.alerts();
		Integration slack = alerts.integrations()
			.create(this.org.id(), "slack", "#alerts",
					this.secrets.seal("{\"url\":\"" + this.receiver.url("/slack") + "\"}"));
		Integration pager = alerts.integrations()
			.create(this.org.id(), "pagerduty", "On call", this.secrets
				.seal("{\"integrationKey\":\"R0UTING\",\"url\":\"" + this.receiver.url("/pagerduty") + "\"}"));
		Integration teams = alerts.integrations()
			.create(this.org.id(), "msteams", "Teams",
					this.secrets.seal("{\"url\":\"" + this.receiver.url("/teams") + "\"}"));
		Integration hook = alerts.integrations()
			.create(this.org.id(), "webhook", "Internal", this.secrets
				.seal("{\"url\":\"" + this.receiver.url("/internal") + "\",\"clientSecret\":\"s3cret\"}"));
		assertThat(slack.config()).doesNotContain("127.0.0.1");
		rule("Everywhere", 0, FIRST_SEEN, "",
				"{\"id\":\"sentry.integrations.slack.notify_action.SlackNotifyServiceAction\",\"workspace\":"
						+ slack.id() + ",\"channel\":\"#alerts\"},"
						+ "{\"id\":\"sentry.integrations.pagerduty.notify_action.PagerDutyNotifyServiceAction\",\"account\":"
						+ pager.id() + ",\"service\":\"1\",\"severity\":\"default\"},"
						+ "{\"id\":\"sentry.integrations.msteams.notify_action.MsTeamsNotifyServiceAction\",\"team\":"
						+ teams.id() + ",\"channel\":\"General\"},"
						+ "{\"id\":\"sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction\",\"sentryAppInstallationUuid\":\""
						+ hook.id() + "\"}");
		assertThat(this.evaluator.evaluate(List.of(event("everywhere", "fatal", Map.of())))).isEqualTo(4);

		this.receiver.status.set(503);
		assertThat(this.dispatcher.dispatchDue(10)).isEqualTo(4);
		assertThat(this.dispatcher.dispatchDue(10)).as("backing off").isZero();
		assertThat(alerts.integrations().findById(slack.id()).orElseThrow().lastStatus()).isEqualTo("error");
		this.receiver.requests.clear();
		this.receiver.status.set(200);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.dispatcher.dispatchDue(10)).isEqualTo(4);
		assertThat(outbox()).allSatisfy((notification) -> {
			assertThat(notification.state()).isEqualTo(Notification.SENT);
			assertThat(notification.attempts()).isEqualTo(2);
		});
		assertThat(alerts.integrations().findById(slack.id()).orElseThrow().lastStatus()).isEqualTo("ok");

		Map<String, Receiver.Request> byPath = new java.util.HashMap<>();
		this.receiver.requests.forEach((request) -> byPath.put(request.path(), request));
		JsonNode slackBody = IssueRuleDefinition.JSON.readTree(byPath.get("/slack").body());
		assertThat(slackBody.path("channel").asString()).isEqualTo("#alerts");
		assertThat(slackBody.path("text").asString()).contains("IllegalStateException: everywhere");
		assertThat(slackBody.path("blocks").get(0).path("type").asString()).isEqualTo("section");
		assertThat(slackBody.path("blocks").get(0).path("text").path("type").asString()).isEqualTo("mrkdwn");
		JsonNode button = slackBody.path("blocks").get(slackBody.path("blocks").size() - 1).path("elements").get(0);
		assertThat(button.path("type").asString()).isEqualTo("button");
		assertThat(button.path("url").asString()).startsWith("http://faultline.test/issues/");

		JsonNode pagerBody = IssueRuleDefinition.JSON.readTree(byPath.get("/pagerduty").body());
		assertThat(pagerBody.path("routing_key").asString()).isEqualTo("R0UTING");
		assertThat(pagerBody.path("event_action").asString()).isEqualTo("trigger");
		assertThat(pagerBody.path("dedup_key").asString()).startsWith("faultline-issue-");
		assertThat(pagerBody.path("payload").path("severity").asString()).isEqualTo("critical");
		assertThat(pagerBody.path("payload").path("source").asString()).isEqualTo("shop");
		assertThat(pagerBody.path("payload").path("summary").asString()).startsWith("[SHOP-1] ");

		JsonNode teamsBody = IssueRuleDefinition.JSON.readTree(byPath.get("/teams").body());
		assertThat(teamsBody.path("type").asString()).isEqualTo("message");
		JsonNode card = teamsBody.path("attachments").get(0);
		assertThat(card.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(card.path("content").path("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.path("content").path("actions").get(0).path("type").asString()).isEqualTo("Action.OpenUrl");

		Receiver.Request internal = byPath.get("/internal");
		assertThat(internal.header("Sentry-Hook-Resource")).isEqualTo("event_alert");
		assertThat(internal.header("Sentry-Hook-Timestamp")).matches("\\d+");
		assertThat(internal.header("Request-ID")).hasSize(32);
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(), "HmacSHA256"));
		assertThat(internal.header("Sentry-Hook-Signature")).isEqualTo(HexFormat.of()
			.formatHex(mac.doFinal(internal.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		JsonNode alert = IssueRuleDefinition.JSON.readTree(internal.body());
		assertThat(alert.path("action").asString()).isEqualTo("triggered");
		assertThat(alert.path("data").path("triggered_rule").asString()).isEqualTo("Everywhere");
		assertThat(alert.path("data").path("event").path("issue_id").asString()).isNotEmpty();
		assertThat(alert.path("data").path("event").path("web_url").asString()).contains("/events/");
		assertThat(alert.path("actor").path("id").asString()).isEqualTo("sentry");

		this.receiver.status.set(404);
		rule("Refused", 0, FIRST_SEEN, "", WEBHOOKS);
		this.evaluator.evaluate(List.of(event("refused", "error", Map.of())));
		List<Notification> pending = new ArrayList<>(outbox());
		this.dispatcher.dispatchDue(10);
		assertThat(outbox()).filteredOn((notification) -> notification.spec().channel().equals("webhook-plugin"))
			.allSatisfy((notification) -> {
				assertThat(notification.state()).isEqualTo(Notification.FAILED);
				assertThat(notification.lastError()).startsWith("HTTP 404");
			});
		assertThat(pending).isNotEmpty();
	}

	@Test
	void sealedSecretsOpenOnlyWithTheirKey() {
		String sealed = this.secrets.seal("https://hooks.slack.com/services/T/B/X");
		assertThat(sealed).startsWith("v1:").doesNotContain("hooks.slack.com");
		assertThat(this.secrets.open(sealed)).isEqualTo("https://hooks.slack.com/services/T/B/X");
		assertThat(this.secrets.seal("same")).isNotEqualTo(this.secrets.seal("same"));
		SecretBox other = SecretBox.ofBase64(Base64.getEncoder().encodeToString(new byte[32]));
		assertThatIllegalArgumentException().isThrownBy(() -> other.open(sealed));
		SecretBox fromFile = SecretBox.ofKeyFile(this.directory.resolve("keys/alerts.key"));
		assertThat(SecretBox.ofKeyFile(this.directory.resolve("keys/alerts.key")).open(fromFile.seal("x")))
			.isEqualTo("x");
	}

}
