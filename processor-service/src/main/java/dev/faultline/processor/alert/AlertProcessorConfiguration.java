package dev.faultline.processor.alert;

import java.time.Clock;
import java.util.Map;

import dev.faultline.alerts.HttpSender;
import dev.faultline.alerts.IssueAlertEvaluator;
import dev.faultline.alerts.MetricAlertEvaluator;
import dev.faultline.alerts.NotificationDispatcher;
import dev.faultline.alerts.NotificationPlanner;
import dev.faultline.alerts.QueryEventCounts;
import dev.faultline.alerts.SmtpSender;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.boot.AlertConfiguration;
import dev.faultline.boot.AlertProperties;
import dev.faultline.storage.events.QueryRunner;
import dev.faultline.storage.metadata.MetadataStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the processor's alerting: the issue alert evaluator behind its queue, the outbox
 * dispatcher and the metric alert schedule. Every processor replica runs all three; the
 * claims in the metadata store make each firing, each send and each metric evaluation
 * happen once across them.
 */
@Configuration(proxyBeanMethods = false)
@Import(AlertConfiguration.class)
class AlertProcessorConfiguration {

	/** Notifications claimed per dispatch round. */
	private static final int DISPATCH_BATCH = 50;

	@Bean
	IssueAlertEvaluator issueAlertEvaluator(MetadataStores stores, QueryRunner queryRunner, NotificationPlanner planner,
			FaultlineProperties properties, AlertProperties alerts) {
		return new IssueAlertEvaluator(stores.alerts().issueRules(), stores.issues(), stores.projects(),
				stores.organizations(), stores.releases(), new QueryEventCounts(queryRunner), planner,
				stores.alerts().outbox(), properties.publicUrl(), Clock.systemUTC(), alerts.ruleCacheTtl());
	}

	@Bean
	IssueAlertQueue issueAlertQueue(IssueAlertEvaluator evaluator, ObjectProvider<MeterRegistry> registry) {
		return new IssueAlertQueue(evaluator, 10_000, registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	NotificationDispatcher notificationDispatcher(MetadataStores stores, SmtpSender smtp, HttpSender http,
			AlertProperties alerts) {
		return new NotificationDispatcher(stores.alerts().outbox(), stores.alerts().integrations(),
				Map.of(NotificationPlanner.EMAIL, smtp), http, Clock.systemUTC(), alerts.httpTimeout().multipliedBy(3),
				alerts.retryBackoff(), alerts.maxAttempts());
	}

	@Bean
	AlertSchedule alertDispatchSchedule(NotificationDispatcher dispatcher, AlertProperties alerts) {
		return new AlertSchedule("alert-dispatch", alerts.dispatchInterval(), () -> {
			while (dispatcher.dispatchDue(DISPATCH_BATCH) == DISPATCH_BATCH) {
				// a full round: more may be due
			}
		});
	}

	@Bean
	MetricAlertEvaluator metricAlertEvaluator(MetadataStores stores, QueryRunner queryRunner,
			NotificationPlanner planner, FaultlineProperties properties, AlertProperties alerts) {
		return new MetricAlertEvaluator(stores.alerts().metricAlerts(), stores.organizations(), queryRunner, planner,
				stores.alerts().outbox(), properties.publicUrl(), alerts.metricInterval());
	}

	@Bean
	AlertSchedule metricAlertSchedule(MetricAlertEvaluator evaluator, AlertProperties alerts) {
		return new AlertSchedule("metric-alerts", alerts.metricInterval(),
				() -> evaluator.evaluateDue(Clock.systemUTC().instant()));
	}

}
