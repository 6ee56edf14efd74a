package dev.faultline.ingest.envelope;

import java.time.Instant;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.ingest.auth.IngestAuthenticator;
import dev.faultline.ingest.auth.RequestCredentials;
import dev.faultline.ingest.body.RequestBodyReader;
import dev.faultline.ingest.http.ClientAddresses;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.ingest.http.IngestReplies;
import dev.faultline.ingest.ratelimit.RateLimitHeaders;
import dev.faultline.protocol.auth.AuthParseException;
import dev.faultline.protocol.auth.Dsn;
import dev.faultline.protocol.auth.SentryAuth;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/{projectId}/envelope/} and the legacy {@code /store/}, with or without
 * trailing slash and DSN path prefix. Does only cheap work: authenticate, bound and
 * decompress the body, check the framing, publish the decompressed bytes unchanged, and
 * answer {@code 200 {"id": …}} only once the queue has acknowledged durably. Bodies are
 * read raw, so no {@code Content-Type} is required or checked.
 */
@RestController
class EnvelopeController {

	private final EnvelopeQueue queue;

	private final IngestAuthenticator authenticator;

	private final RequestBodyReader bodies;

	private final IngestProperties properties;

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	private final EnvelopeInspector inspector;

	private final StoreEventWrapper storeWrapper;

	private final EnvelopeAdmission admission;

	EnvelopeController(EnvelopeQueue queue, IngestAuthenticator authenticator, RequestBodyReader bodies,
			IngestProperties properties, EnvelopeAdmission admission) {
		this.admission = admission;
		this.queue = queue;
		this.authenticator = authenticator;
		this.bodies = bodies;
		this.properties = properties;
		this.inspector = new EnvelopeInspector(properties.maxEventSize().toBytes(),
				properties.maxAttachmentSize().toBytes());
		this.storeWrapper = new StoreEventWrapper(properties.maxStoreSize().toBytes());
	}

	@PostMapping(path = { "/api/{projectId}/envelope", "/api/{projectId}/envelope/",
			"/{prefix1}/api/{projectId}/envelope", "/{prefix1}/api/{projectId}/envelope/",
			"/{prefix1}/{prefix2}/api/{projectId}/envelope", "/{prefix1}/{prefix2}/api/{projectId}/envelope/" })
	ResponseEntity<byte[]> envelope(@PathVariable String projectId, HttpServletRequest request) {
		Instant receivedAt = Instant.now();
		long project = parseProjectId(projectId);
		@Nullable SentryAuth requestAuth = RequestCredentials.read(request);
		// Known credentials are checked before the body is read, so unknown keys cost
		// nothing.
		@Nullable AuthenticatedKey key = (requestAuth != null) ? this.authenticator.authenticate(project, requestAuth) : null;
		byte[] body = this.bodies.readEnvelope(request);
		Envelope envelope = this.decoder.decode(body);
		key = authenticateWithEnvelopeDsn(project, envelope, requestAuth, key);
		String eventId;
		try {
			eventId = this.inspector.inspect(envelope);
		}
		catch (IngestRejection ex) {
			// The items are known here, so each one is counted as invalid once.
			this.admission.recordInvalid(key, envelope, ex.reason());
			throw ex;
		}
		EnvelopeAdmission.Admitted admitted = this.admission.admit(key, envelope, body);
		publish(key, receivedAt, request, admitted.body());
		ResponseEntity<byte[]> reply = IngestReplies.accepted(eventId);
		if (admitted.rateLimits() != null) {
			// Sentry sends the limits of a partly refused envelope with its 200.
			return ResponseEntity.status(reply.getStatusCode())
				.headers(reply.getHeaders())
				.header(RateLimitHeaders.HEADER, admitted.rateLimits())
				.body(reply.getBody());
		}
		return reply;
	}

	@PostMapping(path = { "/api/{projectId}/store", "/api/{projectId}/store/", "/{prefix1}/api/{projectId}/store",
			"/{prefix1}/api/{projectId}/store/", "/{prefix1}/{prefix2}/api/{projectId}/store",
			"/{prefix1}/{prefix2}/api/{projectId}/store/" })
	ResponseEntity<byte[]> store(@PathVariable String projectId, HttpServletRequest request) {
		Instant receivedAt = Instant.now();
		long project = parseProjectId(projectId);
		@Nullable SentryAuth requestAuth = RequestCredentials.read(request);
		if (requestAuth == null) {
			throw IngestRejection.forbidden("missing_auth", "no sentry_key in X-Sentry-Auth or query");
		}
		AuthenticatedKey key = this.authenticator.authenticate(project, requestAuth);
		StoreEventWrapper.WrappedEvent wrapped = this.storeWrapper.wrap(this.bodies.readStore(request));
		byte[] queued = this.admission.admit(key, this.decoder.decode(wrapped.envelope()), wrapped.envelope()).body();
		publish(key, receivedAt, request, queued);
		return IngestReplies.accepted(wrapped.eventId());
	}

	/**
	 * Applies the envelope's {@code dsn} header: the only credentials of a tunnelled
	 * envelope, and otherwise required to name the same key as the request.
	 */
	private AuthenticatedKey authenticateWithEnvelopeDsn(long project, Envelope envelope,
			@Nullable SentryAuth requestAuth, @Nullable AuthenticatedKey key) {
		JsonNode dsnHeader = envelope.headers().get("dsn");
		@Nullable Dsn dsn = null;
		if (dsnHeader != null && dsnHeader.isString()) {
			try {
				dsn = Dsn.parse(dsnHeader.asString());
			}
			catch (AuthParseException ex) {
				if (requestAuth == null) {
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
		return this.authenticator.authenticate(project, SentryAuth.fromDsn(dsn));
	}

	private void publish(AuthenticatedKey key, Instant receivedAt, HttpServletRequest request, byte[] body) {
		String clientIp = ClientAddresses.resolve(request, this.properties.trustForwardedFor());
		this.queue.publish(new QueuedEnvelope(key.projectId(), key.publicKey(), receivedAt, clientIp,
				request.getHeader("User-Agent"), body));
	}

	private static long parseProjectId(String projectId) {
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

}
