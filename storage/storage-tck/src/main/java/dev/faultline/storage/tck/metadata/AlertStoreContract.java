package dev.faultline.storage.tck.metadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.faultline.storage.alert.Incident;
import dev.faultline.storage.alert.IncidentActivity;
import dev.faultline.storage.alert.Integration;
import dev.faultline.storage.alert.IssueAlertRule;
import dev.faultline.storage.alert.IssueAlertRuleSpec;
import dev.faultline.storage.alert.IssueAlertRuleStore;
import dev.faultline.storage.alert.MetricAlertRule;
import dev.faultline.storage.alert.MetricAlertRuleSpec;
import dev.faultline.storage.alert.MetricAlertStore;
import dev.faultline.storage.alert.NewNotification;
import dev.faultline.storage.alert.Notification;
import dev.faultline.storage.alert.NotificationOutbox;
import dev.faultline.storage.alert.WebhookPluginStore.WebhookPlugin;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of the alerting stores: issue alert rules with their per-issue action
 * interval, the notification outbox, integrations, the WebHooks plugin, metric alert
 * rules with evaluation claims and incidents. The claims are also run from two store
 * instances on one database ({@link #openAgain}), as two replicas would.
 */
public abstract class AlertStoreContract extends IssueWorkflowFixture {

	private static final String CONDITIONS = "[{\"id\":\"sentry.rules.conditions.first_seen_event.FirstSeenEventCondition\"}]";

	private static final String ACTIONS = "[{\"id\":\"sentry.rules.actions.notify_event_service.NotifyEventServiceAction\",\"service\":\"webhooks\"}]";

	/**
	 * A second store instance over the database of the last {@link #newStores} (as
	 * another process would open it); the suite closes it.
	 */
	protected abstract MetadataStores openAgain(Clock clock);

	private IssueAlertRuleStore rules() {
		return this.stores.alerts().issueRules();
	}

	private NotificationOutbox outbox() {
		return this.stores.alerts().outbox();
	}

	private MetricAlertStore metrics() {
		return this.stores.alerts().metricAlerts();
	}

	private static IssueAlertRuleSpec spec(String name, int frequency) {
		return new IssueAlertRuleSpec(name, "production", "all", "all", frequency, CONDITIONS, "[]", ACTIONS, null,
				"active");
	}

	@Test
	void issueRulesAreCreatedListedReplacedSnoozedAndDeletedPerProject() {
		IssueAlertRule rule = rules().create(this.project.id(), spec("New issues", 30), this.ann.id());
		assertThat(rule.id()).isPositive();
		assertThat(rule.organizationId()).isEqualTo(this.org.id());
		assertThat(rule.projectId()).isEqualTo(this.project.id());
		assertThat(rule.spec()).isEqualTo(spec("New issues", 30));
		assertThat(rule.createdBy()).isEqualTo(this.ann.id());
		assertThat(rule.dateCreated()).isEqualTo(T0);
		assertThat(rule.snoozed()).isFalse();
		assertThat(rule.lastTriggered()).isNull();

		Project other = this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");
		rules().create(other.id(), spec("Other", 5), null);
		assertThat(rules().list(this.project.id())).extracting(IssueAlertRule::id).containsExactly(rule.id());
		assertThat(rules().find(other.id(), rule.id())).isEmpty();
		assertThat(rules().update(other.id(), rule.id(), spec("x", 1))).isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		IssueAlertRuleSpec changed = new IssueAlertRuleSpec("Renamed", null, "any", "none", 60, CONDITIONS,
				"[{\"id\":\"sentry.rules.filters.level.LevelFilter\",\"match\":\"gte\",\"level\":\"40\"}]", ACTIONS,
				"team:" + this.team.id(), "disabled");
		IssueAlertRule updated = rules().update(this.project.id(), rule.id(), changed).orElseThrow();
		assertThat(updated.spec()).isEqualTo(changed);
		assertThat(updated.dateCreated()).isEqualTo(T0);
		assertThat(updated.dateModified()).isEqualTo(T0.plus(Duration.ofMinutes(1)));

		Instant until = T0.plus(Duration.ofHours(2));
		IssueAlertRule snoozed = rules().snooze(this.project.id(), rule.id(), until).orElseThrow();
		assertThat(snoozed.snoozed()).isTrue();
		assertThat(snoozed.snoozeUntil()).isEqualTo(until);
		assertThat(snoozed.snoozedAt(T0.plus(Duration.ofHours(1)))).isTrue();
		assertThat(snoozed.snoozedAt(until)).isFalse();
		IssueAlertRule forever = rules().snooze(this.project.id(), rule.id(), null).orElseThrow();
		assertThat(forever.snoozedAt(T0.plus(Duration.ofDays(1000)))).isTrue();
		assertThat(rules().unsnooze(this.project.id(), rule.id()).orElseThrow().snoozed()).isFalse();

		assertThat(rules().delete(other.id(), rule.id())).isFalse();
		assertThat(rules().delete(this.project.id(), rule.id())).isTrue();
		assertThat(rules().find(this.project.id(), rule.id())).isEmpty();
	}

	@Test
	void aRuleFiresForAnIssueOncePerInterval() {
		IssueAlertRule rule = rules().create(this.project.id(), spec("Every issue", 30), null);
		Issue first = issue("a");
		Issue second = issue("b");
		Duration interval = Duration.ofMinutes(30);
		assertThat(rules().claimFire(rule.id(), first.id(), "e1", T0, interval)).isTrue();
		assertThat(rules().claimFire(rule.id(), first.id(), "e2", T0.plus(Duration.ofMinutes(29)), interval)).isFalse();
		assertThat(rules().claimFire(rule.id(), first.id(), "e1", T0.plus(Duration.ofMinutes(2)), interval))
			.as("a replay of the firing event")
			.isTrue();
		assertThat(rules().claimFire(rule.id(), second.id(), "e3", T0.plus(Duration.ofMinutes(1)), interval)).isTrue();
		assertThat(rules().claimFire(rule.id(), first.id(), "e4", T0.plus(Duration.ofMinutes(30)), interval)).isTrue();
		assertThat(rules().fires(rule.id(), 10)).extracting("eventId").containsExactly("e4", "e3", "e1");
		assertThat(rules().find(this.project.id(), rule.id()).orElseThrow().lastTriggered())
			.isEqualTo(T0.plus(Duration.ofMinutes(30)));
		assertThat(rules().claimFire(rule.id(), first.id(), "e5", T0.plus(Duration.ofMinutes(31)), Duration.ZERO))
			.isTrue();
		assertThat(rules().claimFire(rule.id() + 1000, first.id(), "e6", T0, interval)).isFalse();
	}

	@Test
	void concurrentClaimsFromTwoStoresOnOneDatabaseFireOnce() throws Exception {
		IssueAlertRule rule = rules().create(this.project.id(), spec("Race", 60), null);
		MetricAlertRule metric = metrics().create(this.org.id(), metricSpec(), null);
		List<Issue> issues = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			issues.add(issue("race-" + i));
		}
		try (MetadataStores again = openAgain(this.clock)) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (MetadataStores replica : List.of(this.stores, again)) {
					Callable<Integer> task = () -> {
						int won = 0;
						for (Issue issue : issues) {
							if (replica.alerts()
								.issueRules()
								.claimFire(rule.id(), issue.id(),
										"e-" + issue.id() + "-" + System.identityHashCode(replica), T0,
										Duration.ofHours(1))) {
								won++;
							}
						}
						for (long tick = 0; tick < 20; tick++) {
							if (replica.alerts().metricAlerts().claimEvaluation(metric.id(), tick, "r", T0)) {
								won++;
							}
						}
						return won;
					};
					results.add(pool.submit(task));
				}
				assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(40);
			}
			finally {
				pool.shutdownNow();
			}
		}
		assertThat(rules().fires(rule.id(), 100)).hasSize(20);
	}

	@Test
	void theOutboxTakesEachKeyOnceAndHandsEachDueNotificationToOneClaimer() throws Exception {
		NewNotification mail = notification("rule:1:issue:1:event:a:mail");
		assertThat(outbox().enqueue(mail, T0)).isTrue();
		assertThat(outbox().enqueue(mail, T0)).isFalse();
		assertThat(outbox().enqueue(notification("later"), T0.plus(Duration.ofMinutes(5)))).isTrue();

		List<Notification> claimed = outbox().claim(T0, Duration.ofMinutes(1), 10);
		assertThat(claimed).singleElement().satisfies((notification) -> {
			assertThat(notification.spec()).isEqualTo(mail);
			assertThat(notification.state()).isEqualTo(Notification.PENDING);
			assertThat(notification.attempts()).isEqualTo(1);
		});
		assertThat(outbox().claim(T0.plusSeconds(30), Duration.ofMinutes(1), 10)).isEmpty();
		// the lease ran out: the holder is taken for dead and the notification is due
		// again
		List<Notification> again = outbox().claim(T0.plusSeconds(61), Duration.ofMinutes(1), 10);
		assertThat(again).extracting(Notification::id).containsExactly(claimed.get(0).id());
		assertThat(again.get(0).attempts()).isEqualTo(2);

		outbox().markAttemptFailed(claimed.get(0).id(), "HTTP 503", T0.plus(Duration.ofMinutes(2)));
		assertThat(outbox().claim(T0.plusSeconds(90), Duration.ofMinutes(1), 10)).isEmpty();
		Notification retried = outbox().claim(T0.plus(Duration.ofMinutes(2)), Duration.ofMinutes(1), 10).get(0);
		outbox().markSent(retried.id(), T0.plus(Duration.ofMinutes(2)));
		Notification later = outbox().claim(T0.plus(Duration.ofMinutes(5)), Duration.ofMinutes(1), 10).get(0);
		outbox().markAttemptFailed(later.id(), "HTTP 410", null);
		assertThat(outbox().claim(T0.plus(Duration.ofDays(1)), Duration.ofMinutes(1), 10)).isEmpty();

		assertThat(outbox().listForOrganization(this.org.id(), 10)).satisfiesExactly((newest) -> {
			assertThat(newest.state()).isEqualTo(Notification.FAILED);
			assertThat(newest.lastError()).isEqualTo("HTTP 410");
		}, (oldest) -> {
			assertThat(oldest.state()).isEqualTo(Notification.SENT);
			assertThat(oldest.attempts()).isEqualTo(3);
			assertThat(oldest.lastError()).isNull();
			assertThat(oldest.dateSent()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
		});
		assertThat(outbox().listForRule(7, 10)).hasSize(2);
		assertThat(outbox().listForIntegration(9, 10)).hasSize(2);

		for (int i = 0; i < 30; i++) {
			outbox().enqueue(notification("bulk-" + i), T0);
		}
		try (MetadataStores other = openAgain(this.clock)) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<List<Long>>> results = new ArrayList<>();
				for (MetadataStores replica : List.of(this.stores, other)) {
					results.add(pool.submit(() -> {
						List<Long> ids = new ArrayList<>();
						for (int round = 0; round < 20; round++) {
							replica.alerts()
								.outbox()
								.claim(T0.plus(Duration.ofDays(2)), Duration.ofHours(1), 2)
								.forEach((notification) -> ids.add(notification.id()));
						}
						return ids;
					}));
				}
				List<Long> all = new ArrayList<>(results.get(0).get());
				all.addAll(results.get(1).get());
				assertThat(all).hasSize(30).doesNotHaveDuplicates();
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private NewNotification notification(String key) {
		return new NewNotification(this.org.id(), key, "webhook", 9L, 7L, null, null, "https://hooks.example/x",
				"{\"id\":\"1\"}");
	}

	@Test
	void integrationsAreUniqueByNameAndRecordTheirLastDelivery() {
		Integration slack = this.stores.alerts().integrations().create(this.org.id(), "slack", "#alerts", "sealed-1");
		assertThat(slack.config()).isEqualTo("sealed-1");
		assertThat(slack.lastStatus()).isNull();
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> this.stores.alerts().integrations().create(this.org.id(), "msteams", "#alerts", "x"));
		Integration pager = this.stores.alerts().integrations().create(this.org.id(), "pagerduty", "On call", "p");
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> this.stores.alerts().integrations().update(this.org.id(), pager.id(), "#alerts", "p"));
		assertThat(this.stores.alerts().integrations().update(this.org.id(), pager.id(), "Paging", "p2"))
			.hasValueSatisfying((changed) -> assertThat(changed.config()).isEqualTo("p2"));
		assertThat(this.stores.alerts().integrations().list(this.org.id())).extracting(Integration::name)
			.containsExactly("#alerts", "Paging");

		this.stores.alerts().integrations().recordDelivery(slack.id(), T0.plusSeconds(5), "HTTP 404: no_service");
		Integration failed = this.stores.alerts().integrations().findById(slack.id()).orElseThrow();
		assertThat(failed.lastStatus()).isEqualTo("error");
		assertThat(failed.lastError()).isEqualTo("HTTP 404: no_service");
		assertThat(failed.lastDelivery()).isEqualTo(T0.plusSeconds(5));
		this.stores.alerts().integrations().recordDelivery(slack.id(), T0.plusSeconds(6), null);
		assertThat(this.stores.alerts().integrations().find(this.org.id(), slack.id()).orElseThrow().lastStatus())
			.isEqualTo("ok");
		assertThat(this.stores.alerts().integrations().delete(this.org.id(), slack.id())).isTrue();
		assertThat(this.stores.alerts().integrations().findById(slack.id())).isEmpty();
	}

	@Test
	void theWebhookPluginKeepsItsUrls() {
		assertThat(this.stores.alerts().webhookPlugins().find(this.project.id())).isEmpty();
		this.stores.alerts()
			.webhookPlugins()
			.save(this.project.id(), true, List.of("https://a.example/hook", "https://b.example/hook"));
		this.stores.alerts().webhookPlugins().save(this.project.id(), true, List.of("https://c.example/hook"));
		assertThat(this.stores.alerts().webhookPlugins().find(this.project.id()))
			.contains(new WebhookPlugin(this.project.id(), true, List.of("https://c.example/hook")));
	}

	private MetricAlertRuleSpec metricSpec() {
		return new MetricAlertRuleSpec("Too many errors", "events", "count()", "level:error", 5, 0, 10.0, null,
				List.of(this.project.id()),
				"[{\"label\":\"critical\",\"alertThreshold\":100,\"actions\":[]},{\"label\":\"warning\",\"alertThreshold\":50,\"actions\":[]}]",
				null, 0);
	}

	@Test
	void metricRulesAndTheirIncidentsKeepATimeline() {
		MetricAlertRule rule = metrics().create(this.org.id(), metricSpec(), this.bob.id());
		assertThat(rule.spec()).isEqualTo(metricSpec());
		assertThat(metrics().listEnabled()).extracting(MetricAlertRule::id).containsExactly(rule.id());
		MetricAlertRuleSpec disabled = new MetricAlertRuleSpec("Slow", "transactions", "p95(transaction.duration)", "",
				10, 1, null, "production", List.of(this.project.id()), "[]", null, 1);
		assertThat(metrics().update(this.org.id(), rule.id(), disabled))
			.hasValueSatisfying((updated) -> assertThat(updated.spec()).isEqualTo(disabled));
		assertThat(metrics().listEnabled()).isEmpty();
		metrics().update(this.org.id(), rule.id(), metricSpec());

		assertThat(metrics().claimEvaluation(rule.id(), 1, "a", T0)).isTrue();
		assertThat(metrics().claimEvaluation(rule.id(), 1, "b", T0)).isFalse();
		metrics().recordEvaluation(rule.id(), 1, 120.0);
		assertThat(metrics().activeIncident(rule.id())).isEmpty();

		Incident opened = metrics().openIncident(rule.id(), "Too many errors", Incident.CRITICAL, 120,
				T0.plusSeconds(60));
		assertThat(opened.identifier()).isEqualTo(1);
		assertThat(opened.status()).isEqualTo(Incident.CRITICAL);
		assertThat(metrics().activeIncident(rule.id())).contains(opened);
		Incident warning = metrics().changeIncidentStatus(opened.id(), Incident.WARNING, T0.plusSeconds(120))
			.orElseThrow();
		assertThat(warning.status()).isEqualTo(Incident.WARNING);
		Incident closed = metrics().changeIncidentStatus(opened.id(), Incident.CLOSED, T0.plusSeconds(180))
			.orElseThrow();
		assertThat(closed.dateClosed()).isEqualTo(T0.plusSeconds(180));
		assertThat(metrics().changeIncidentStatus(opened.id(), Incident.CRITICAL, T0.plusSeconds(240))).isEmpty();
		assertThat(metrics().activeIncident(rule.id())).isEmpty();
		assertThat(metrics().activities(opened.id()))
			.extracting(IncidentActivity::type, IncidentActivity::value, IncidentActivity::previousValue)
			.containsExactly(tuple(IncidentActivity.STARTED, null, null), tuple(IncidentActivity.DETECTED, "120", null),
					tuple(IncidentActivity.STATUS_CHANGE, "20", "1"), tuple(IncidentActivity.STATUS_CHANGE, "10", "20"),
					tuple(IncidentActivity.STATUS_CHANGE, "2", "10"));

		Incident second = metrics().openIncident(rule.id(), "Too many errors", Incident.WARNING, 60.5,
				T0.plusSeconds(300));
		assertThat(second.identifier()).isEqualTo(2);
		assertThat(metrics().listIncidents(this.org.id(), null, 10)).extracting(Incident::identifier)
			.containsExactly(2L, 1L);
		assertThat(metrics().listIncidents(this.org.id(), rule.id() + 1, 10)).isEmpty();
		assertThat(metrics().findIncident(this.org.id(), 1)).map(Incident::status).contains(Incident.CLOSED);
		Optional<MetricAlertRule> found = metrics().find(this.org.id(), rule.id());
		assertThat(found).isPresent();
		assertThat(metrics().delete(this.org.id(), rule.id())).isTrue();
		assertThat(metrics().list(this.org.id())).isEmpty();
		assertThat(metrics().findIncident(this.org.id(), 2)).isEmpty();
	}

}
