package dev.faultline.storage.alert;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A notification to put in the outbox.
 *
 * @param idempotencyKey unique per notification: enqueuing the same key again adds
 * nothing, which is what makes a replayed evaluation send nothing twice
 * @param channel how it is sent ({@code email}, {@code webhook}, {@code slack},
 * {@code msteams}, {@code pagerduty}, …)
 * @param integrationId the integration whose (encrypted) settings address it, or null
 * @param ruleId the issue alert rule that caused it, or null
 * @param metricRuleId the metric alert rule that caused it, or null
 * @param issueId the issue it is about, or null
 * @param destination where it goes, in the channel's terms (mail addresses, a URL), never
 * a secret
 * @param payload what is sent (the channel's JSON, or for mail the message as JSON)
 */
public record NewNotification(long organizationId, String idempotencyKey, String channel, @Nullable Long integrationId,
		@Nullable Long ruleId, @Nullable Long metricRuleId, @Nullable Long issueId, String destination,
		String payload) {

	public NewNotification {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(payload, "payload");
	}

}
