package dev.faultline.ingest.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.faultline.boot.outcome.OutcomeRecorder;
import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.ingest.ratelimit.KeyRateLimiter;
import dev.faultline.ingest.ratelimit.RateLimitHeaders;
import dev.faultline.ingest.ratelimit.RateLimitedException;
import dev.faultline.protocol.envelope.DataCategories;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeEncoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.metadata.Outcome;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Decides what of an authenticated, well-formed envelope is queued: applies the key's
 * rate limit per data category and records the outcomes ingest owns (items refused by the
 * rate limit or a size limit). Client reports are never rate limited, as in Relay, and
 * are queued even when every other item is refused: the processor turns them into
 * {@code client_discard} outcomes. Thread-safe.
 */
@Component
class EnvelopeAdmission {

	private static final String CLIENT_REPORT = "client_report";

	private final KeyRateLimiter limiter;

	private final OutcomeRecorder outcomes;

	private final EnvelopeEncoder encoder = new EnvelopeEncoder();

	EnvelopeAdmission(KeyRateLimiter limiter, OutcomeRecorder outcomes) {
		this.limiter = limiter;
		this.outcomes = outcomes;
	}

	/**
	 * @param body the envelope's bytes, queued unchanged when nothing is refused
	 * @return the bytes to queue (null when nothing is left to queue), the rate-limit
	 * header to answer with (null when nothing was refused) and, when the rate limit
	 * refused every item that is not a client report, the refusal to answer with
	 */
	Admitted admit(AuthenticatedKey key, Envelope envelope, byte[] body) {
		Map<String, Integer> quantities = new TreeMap<>();
		for (EnvelopeItem item : envelope.items()) {
			if (!CLIENT_REPORT.equals(item.type())) {
				quantities.merge(DataCategories.of(item.type()), 1, Integer::sum);
			}
		}
		Map<String, Long> refused = this.limiter.acquire(key, quantities);
		if (refused.isEmpty()) {
			return new Admitted(body, null, null);
		}
		List<EnvelopeItem> kept = new ArrayList<>();
		boolean keptData = false;
		for (EnvelopeItem item : envelope.items()) {
			String category = DataCategories.of(item.type());
			if (CLIENT_REPORT.equals(item.type()) || !refused.containsKey(category)) {
				kept.add(item);
				keptData |= !CLIENT_REPORT.equals(item.type());
			}
			else {
				this.outcomes.record(key.projectId(), category, Outcome.RATE_LIMITED, RateLimitHeaders.REASON,
						DataCategories.quantity(item), DataCategories.count(item));
			}
		}
		byte[] queued = kept.isEmpty() ? null : this.encoder.encode(new Envelope(envelope.headers(), kept));
		if (!keptData) {
			return new Admitted(queued, null, new RateLimitedException(refused));
		}
		return new Admitted(queued, RateLimitHeaders.render(refused), null);
	}

	/**
	 * Counts every item of a refused envelope (a well-framed one whose items are known)
	 * as {@code invalid} with the refusal's reason; client reports are not data and are
	 * not counted.
	 */
	void recordInvalid(AuthenticatedKey key, Envelope envelope, String reason) {
		for (EnvelopeItem item : envelope.items()) {
			if (!CLIENT_REPORT.equals(item.type())) {
				this.outcomes.record(key.projectId(), DataCategories.of(item.type()), Outcome.INVALID, reason,
						DataCategories.quantity(item), DataCategories.count(item));
			}
		}
	}

	/**
	 * What to queue and how to answer.
	 *
	 * @param body the envelope to queue, null when nothing is left to queue
	 * @param rateLimits the {@code X-Sentry-Rate-Limits} value for a partly refused
	 * envelope, else null
	 * @param refusedAll the refusal when every data item was rate limited, else null
	 */
	record Admitted(byte @Nullable [] body, @Nullable String rateLimits, @Nullable RateLimitedException refusedAll) {

	}

}
