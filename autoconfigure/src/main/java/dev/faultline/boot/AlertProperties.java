package dev.faultline.boot;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code faultline.alerts.*}: how notifications are sealed, sent and retried, and how
 * often the schedules run. Every key is listed in {@code application.yml} with its
 * environment variable.
 *
 * @param encryptionKey AES-256 key (base64) sealing integration secrets; blank: a key
 * file in the data directory (embedded shape)
 * @param dispatchInterval how often the outbox is looked at for due notifications
 * @param httpTimeout the bound of every outgoing request (connect and answer)
 * @param maxAttempts sends of one notification before it is failed for good
 * @param retryBackoff the wait after the first failed attempt, doubling after each
 * @param ruleCacheTtl how long the processor keeps a project's issue alert rules
 * @param metricInterval how often metric alert rules are evaluated
 */
@ConfigurationProperties("faultline.alerts")
public record AlertProperties(@DefaultValue("") String encryptionKey, @DefaultValue Mail mail,
		@DefaultValue("2s") Duration dispatchInterval, @DefaultValue("10s") Duration httpTimeout,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration retryBackoff,
		@DefaultValue("10s") Duration ruleCacheTtl, @DefaultValue("60s") Duration metricInterval) {

	public AlertProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("faultline.alerts.max-attempts must be at least 1");
		}
		if (metricInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("faultline.alerts.metric-interval must be at least 1s");
		}
	}

	/**
	 * The SMTP server mail notifications go through.
	 *
	 * @param host blank: mail is not configured (mail notifications fail, shown in the
	 * alert history)
	 */
	public record Mail(@DefaultValue("") String host, @DefaultValue("25") int port,
			@DefaultValue("faultline@localhost") String from, @Nullable String username, @Nullable String password,
			@DefaultValue("false") boolean startTls) {

	}

}
