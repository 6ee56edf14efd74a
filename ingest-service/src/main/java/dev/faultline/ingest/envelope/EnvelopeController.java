package dev.faultline.ingest.envelope;

import java.time.Instant;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.ingest.body.RequestBodyReader;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.ingest.http.IngestReplies;
import dev.faultline.ingest.ratelimit.RateLimitHeaders;
import dev.faultline.protocol.auth.AuthParseException;
import dev.faultline.protocol.auth.Dsn;
import dev.faultline.protocol.auth.SentryAuth;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/{projectId}/envelope/} and the legacy {@code /store/}, with or without
 * trailing slash and DSN path prefix. Does only cheap work: bound and decompress the
 * body, check the framing (a store body is wrapped into an envelope), then the shared
 * {@link IngestIntake} authenticates, admits and publishes; answers {@code 200 {"id": …}}
 * only once the queue has acknowledged durably. Bodies are read raw, so no
 * {@code Content-Type} is required or checked.
 */
@RestController
class EnvelopeController {

	private final IngestIntake intake;

	private final RequestBodyReader bodies;

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	private final StoreEventWrapper storeWrapper;

	EnvelopeController(IngestIntake intake, RequestBodyReader bodies, IngestProperties properties) {
		this.intake = intake;
		this.bodies = bodies;
		this.storeWrapper = new StoreEventWrapper(properties.maxStoreSize().toBytes());
	}

	@PostMapping(path = { "/api/{projectId}/envelope", "/api/{projectId}/envelope/",
			"/{prefix1}/api/{projectId}/envelope", "/{prefix1}/api/{projectId}/envelope/",
			"/{prefix1}/{prefix2}/api/{projectId}/envelope", "/{prefix1}/{prefix2}/api/{projectId}/envelope/" })
	ResponseEntity<byte[]> envelope(@PathVariable String projectId, HttpServletRequest request) {
		Instant receivedAt = Instant.now();
		long project = IngestIntake.projectId(projectId);
		// Known credentials are checked before the body is read, so unknown keys cost
		// nothing.
		@Nullable AuthenticatedKey requestKey = this.intake.requestKey(project, request);
		byte[] body = this.bodies.readEnvelope(request);
		Envelope envelope = this.decoder.decode(body);
		AuthenticatedKey key = authenticateWithEnvelopeDsn(project, envelope, request, requestKey);
		IngestIntake.Accepted accepted = this.intake.accept(key, envelope, body, receivedAt, request);
		ResponseEntity<byte[]> reply = IngestReplies.accepted(accepted.eventId());
		if (accepted.rateLimits() != null) {
			// Sentry sends the limits of a partly refused envelope with its 200.
			return ResponseEntity.status(reply.getStatusCode())
				.headers(reply.getHeaders())
				.header(RateLimitHeaders.HEADER, accepted.rateLimits())
				.body(reply.getBody());
		}
		return reply;
	}

	@PostMapping(path = { "/api/{projectId}/store", "/api/{projectId}/store/", "/{prefix1}/api/{projectId}/store",
			"/{prefix1}/api/{projectId}/store/", "/{prefix1}/{prefix2}/api/{projectId}/store",
			"/{prefix1}/{prefix2}/api/{projectId}/store/" })
	ResponseEntity<byte[]> store(@PathVariable String projectId, HttpServletRequest request) {
		Instant receivedAt = Instant.now();
		long project = IngestIntake.projectId(projectId);
		AuthenticatedKey key = this.intake.requireRequestKey(project, request, "X-Sentry-Auth or query");
		StoreEventWrapper.WrappedEvent wrapped = this.storeWrapper.wrap(this.bodies.readStore(request));
		this.intake.accept(key, this.decoder.decode(wrapped.envelope()), wrapped.envelope(), receivedAt, request);
		return IngestReplies.accepted(wrapped.eventId());
	}

	/**
	 * Applies the envelope's {@code dsn} header: the only credentials of a tunnelled
	 * envelope, and otherwise required to name the same key as the request.
	 */
	private AuthenticatedKey authenticateWithEnvelopeDsn(long project, Envelope envelope, HttpServletRequest request,
			@Nullable AuthenticatedKey key) {
		JsonNode dsnHeader = envelope.headers().get("dsn");
		@Nullable Dsn dsn = null;
		if (dsnHeader != null && dsnHeader.isString()) {
			try {
				dsn = Dsn.parse(dsnHeader.asString());
			}
			catch (AuthParseException ex) {
				if (key == null) {
					throw ex;
				}
				// The request authenticated itself; an unreadable informational DSN is
				// ignored.
			}
		}
		if (key != null) {
			if (dsn != null && !dsn.publicKey().equals(key.publicKey())) {
				throw IngestRejection.unauthorized("conflicting_auth", "envelope dsn names another key");
			}
			return key;
		}
		if (dsn == null) {
			throw IngestRejection.forbidden("missing_auth", "no sentry_key in X-Sentry-Auth, query or envelope dsn");
		}
		return this.intake.authenticate(project, SentryAuth.fromDsn(dsn));
	}

}
