package dev.faultline.core.normalize;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What normalization knows about an event besides its payload.
 *
 * @param receivedAt when ingest received the envelope (server clock); the event's
 * {@code received} and the fallback for unusable timestamps
 * @param clientIp the sender's address, substituted for {@code {{auto}}} user IPs; null
 * when unknown
 * @param sentAt the envelope header's {@code sent_at} (client clock), used to correct
 * clock drift; null when absent
 * @param envelopeEventId the envelope header's {@code event_id}, used when the payload
 * has none; null when absent
 */
public record NormalizationContext(Instant receivedAt, @Nullable String clientIp, @Nullable Instant sentAt,
		@Nullable String envelopeEventId) {

	public NormalizationContext {
		Objects.requireNonNull(receivedAt, "receivedAt");
	}

	/**
	 * A context with only the receive time, for events without envelope metadata.
	 */
	public static NormalizationContext receivedAt(Instant receivedAt) {
		return new NormalizationContext(receivedAt, null, null, null);
	}

}
