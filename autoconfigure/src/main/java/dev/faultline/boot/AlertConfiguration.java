package dev.faultline.boot;

import java.time.Clock;

import dev.faultline.alerts.HttpSender;
import dev.faultline.alerts.NotificationPlanner;
import dev.faultline.alerts.SecretBox;
import dev.faultline.alerts.SmtpSender;
import dev.faultline.alerts.SmtpSettings;
import dev.faultline.storage.metadata.MetadataStores;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What the processor (evaluating and dispatching) and the API (integrations, the "send
 * test notification" button) share about alerting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AlertProperties.class, FaultlineProperties.class })
@Import(MetadataConfiguration.class)
public class AlertConfiguration {

	@Bean
	SecretBox alertSecretBox(AlertProperties alerts, FaultlineProperties properties) {
		if (!alerts.encryptionKey().isBlank()) {
			try {
				return SecretBox.ofBase64(alerts.encryptionKey());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"faultline.alerts.encryption-key must be 32 bytes, base64-encoded: " + ex.getMessage(), ex);
			}
		}
		return SecretBox.ofKeyFile(DataDirectory.prepare(properties).resolve("alerts.key"));
	}

	@Bean
	SmtpSender smtpSender(AlertProperties alerts) {
		AlertProperties.Mail mail = alerts.mail();
		String username = (mail.username() == null || mail.username().isBlank()) ? null : mail.username();
		return new SmtpSender(new SmtpSettings(mail.host(), mail.port(), mail.from(), username, mail.password(),
				mail.startTls(), alerts.httpTimeout()));
	}

	@Bean
	HttpSender httpSender(MetadataStores stores, SecretBox secrets, AlertProperties alerts) {
		return new HttpSender(stores.alerts().integrations(), secrets, alerts.httpTimeout(), Clock.systemUTC());
	}

	@Bean
	NotificationPlanner notificationPlanner(MetadataStores stores) {
		return new NotificationPlanner(stores.alerts().webhookPlugins(), stores.alerts().integrations(),
				stores.organizations());
	}

}
