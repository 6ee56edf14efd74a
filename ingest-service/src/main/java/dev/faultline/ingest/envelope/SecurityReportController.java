package dev.faultline.ingest.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.ingest.auth.IngestAuthenticator;
import dev.faultline.ingest.auth.RequestCredentials;
import dev.faultline.ingest.body.RequestBodyReader;
import dev.faultline.ingest.http.ClientAddresses;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.auth.SentryAuth;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/{projectId}/security/} (and {@code /csp-report/}): browser security
 * reports — CSP ({@code application/csp-report}, {@code {"csp-report": …}}), the
 * Reporting API ({@code application/reports+json}, an array), Expect-CT, HPKP — posted by
 * browsers with the key in the {@code sentry_key} query parameter. The JSON is checked to
 * be one well-formed object or array, wrapped unchanged into an envelope with one
 * {@code security} item, rate limited like other items, and queued. Answers {@code 201}
 * as Relay does.
 */
@RestController
class SecurityReportController {

	private static final int MAX_DEPTH = 64;

	private final EnvelopeQueue queue;

	private final IngestAuthenticator authenticator;

	private final RequestBodyReader bodies;

	private final IngestProperties properties;

	private final EnvelopeAdmission admission;

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	private final JsonFactory json = JsonFactory.builder().build();

	SecurityReportController(EnvelopeQueue queue, IngestAuthenticator authenticator, RequestBodyReader bodies,
			IngestProperties properties, EnvelopeAdmission admission) {
		this.queue = queue;
		this.authenticator = authenticator;
		this.bodies = bodies;
		this.properties = properties;
		this.admission = admission;
	}

	@PostMapping(path = { "/api/{projectId}/security", "/api/{projectId}/security/", "/api/{projectId}/csp-report",
			"/api/{projectId}/csp-report/", "/{prefix1}/api/{projectId}/security/",
			"/{prefix1}/api/{projectId}/csp-report/" })
	ResponseEntity<byte[]> report(@PathVariable String projectId, HttpServletRequest request) {
		Instant receivedAt = Instant.now();
		long project = parseProjectId(projectId);
		@Nullable SentryAuth auth = RequestCredentials.read(request);
		if (auth == null) {
			throw IngestRejection.forbidden("missing_auth", "no sentry_key in the query");
		}
		AuthenticatedKey key = this.authenticator.authenticate(project, auth);
		byte[] report = this.bodies.readStore(request);
		if (report.length > this.properties.maxEventSize().toBytes()) {
			throw IngestRejection.tooLarge("event_too_large", "security report exceeds the event size limit");
		}
		requireJsonObjectOrArray(report);
		byte[] envelope = wrap(report);
		byte[] queued = this.admission.admit(key, this.decoder.decode(envelope), envelope).body();
		String clientIp = ClientAddresses.resolve(request, this.properties.trustForwardedFor());
		this.queue.publish(new QueuedEnvelope(key.projectId(), key.publicKey(), receivedAt, clientIp,
				request.getHeader("User-Agent"), queued));
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	private void requireJsonObjectOrArray(byte[] report) {
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), report)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
				throw IngestRejection.badRequest("invalid_json", "a security report is a JSON object or array");
			}
			int depth = 0;
			for (JsonToken token = first; token != null; token = parser.nextToken()) {
				if (token.isStructStart() && ++depth > MAX_DEPTH) {
					throw IngestRejection.badRequest("invalid_json", "security report nests too deeply");
				}
				if (token.isStructEnd()) {
					depth--;
				}
			}
		}
		catch (JacksonException ex) {
			throw IngestRejection.badRequest("invalid_json", "security report is not valid JSON");
		}
	}

	private static byte[] wrap(byte[] report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(report.length + 64);
		out.writeBytes(
				("{}\n{\"type\":\"security\",\"length\":" + report.length + "}\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(report);
		out.write('\n');
		return out.toByteArray();
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
