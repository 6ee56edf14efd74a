package dev.faultline.ingest.envelope;

import java.time.Instant;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.ingest.auth.IngestAuthenticator;
import dev.faultline.ingest.auth.RequestCredentials;
import dev.faultline.ingest.http.ClientAddresses;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.ingest.ratelimit.RateLimitedException;
import dev.faultline.protocol.auth.SentryAuth;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one path every ingest endpoint (envelope, legacy store, security and CSP reports)
 * takes once it has turned its request into an envelope: authenticate → inspect (size
 * limits, event id; a refused envelope's items counted {@code invalid}) → admit (rate
 * limit per data category, {@code rate_limited} outcomes) → publish to the queue. The
 * endpoints differ only in how they read credentials and bodies and how they answer.
 * Thread-safe.
 */
@Component
class IngestIntake {

	private final EnvelopeQueue queue;

	private final IngestAuthenticator authenticator;

	private final EnvelopeInspector inspector;

	private final EnvelopeAdmission admission;

	private final IngestProperties properties;

	IngestIntake(EnvelopeQueue queue, IngestAuthenticator authenticator, EnvelopeAdmission admission,
			IngestProperties properties) {
		this.queue = queue;
		this.authenticator = authenticator;
		this.admission = admission;
		this.properties = properties;
		this.inspector = new EnvelopeInspector(properties.maxEventSize().toBytes(),
				properties.maxAttachmentSize().toBytes());
	}

	/**
	 * The project id of the URL.
	 * @throws IngestRejection 400 when it is not a non-negative number
	 */
	static long projectId(String projectId) {
		try {
			long id = Long.parseLong(projectId);
			if (id >= 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// Falls through to the rejection below.
		}
		throw IngestRejection.badRequest("invalid_project_id", "project id is not a number");
	}

	/**
	 * The credentials of the request ({@code X-Sentry-Auth}, {@code Authorization} or
	 * query), authenticated before the body is read so that unknown keys cost nothing;
	 * null when the request carries none.
	 */
	@Nullable AuthenticatedKey requestKey(long projectId, HttpServletRequest request) {
		@Nullable SentryAuth auth = RequestCredentials.read(request);
		return (auth != null) ? this.authenticator.authenticate(projectId, auth) : null;
	}

	/**
	 * Like {@link #requestKey} for endpoints whose only credentials are the request's.
	 * @throws IngestRejection 403 when the request carries none
	 */
	AuthenticatedKey requireRequestKey(long projectId, HttpServletRequest request, String where) {
		@Nullable AuthenticatedKey key = requestKey(projectId, request);
		if (key == null) {
			throw IngestRejection.forbidden("missing_auth", "no sentry_key in " + where);
		}
		return key;
	}

	/** Authenticates credentials found in the envelope itself (a tunnelled envelope). */
	AuthenticatedKey authenticate(long projectId, SentryAuth auth) {
		return this.authenticator.authenticate(projectId, auth);
	}

	/**
	 * Inspects, admits and publishes an envelope, answering only once the queue has
	 * acknowledged it durably.
	 * @param body the envelope's bytes, queued unchanged when nothing is refused
	 * @return the envelope's event id (null when it has none) and the rate limits to
	 * answer a partly refused envelope with
	 * @throws IngestRejection when the envelope breaks a limit (its items are counted
	 * {@code invalid})
	 * @throws RateLimitedException when every item is rate limited (client reports, which
	 * are never limited, are still queued)
	 */
	Accepted accept(AuthenticatedKey key, Envelope envelope, byte[] body, Instant receivedAt,
			HttpServletRequest request) {
		@Nullable String eventId;
		try {
			eventId = this.inspector.inspect(envelope);
		}
		catch (IngestRejection ex) {
			// The items are known here, so each one is counted as invalid once.
			this.admission.recordInvalid(key, envelope, ex.reason());
			throw ex;
		}
		EnvelopeAdmission.Admitted admitted = this.admission.admit(key, envelope, body);
		if (admitted.body() != null) {
			String clientIp = ClientAddresses.resolve(request, this.properties.trustForwardedFor());
			this.queue.publish(new QueuedEnvelope(key.projectId(), key.publicKey(), receivedAt, clientIp,
					request.getHeader("User-Agent"), admitted.body()));
		}
		if (admitted.refusedAll() != null) {
			throw admitted.refusedAll();
		}
		return new Accepted(eventId, admitted.rateLimits());
	}

	/**
	 * @param eventId the envelope's event id, or null
	 * @param rateLimits the {@code X-Sentry-Rate-Limits} value for a partly refused
	 * envelope, else null
	 */
	record Accepted(@Nullable String eventId, @Nullable String rateLimits) {

	}

}
