package dev.faultline.ingest.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.ingest.body.RequestBodyReader;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import dev.faultline.protocol.json.ClientJson;
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
 * be one well-formed object or array and wrapped unchanged into an envelope with one
 * {@code security} item, which takes the shared {@link IngestIntake} (rate limited like
 * other items, then queued). Answers {@code 201} as Relay does.
 */
@RestController
class SecurityReportController {

	private static final int MAX_DEPTH = 64;

	private final IngestIntake intake;

	private final RequestBodyReader bodies;

	private final IngestProperties properties;

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	private final JsonFactory json = ClientJson.factory();

	SecurityReportController(IngestIntake intake, RequestBodyReader bodies, IngestProperties properties) {
		this.intake = intake;
		this.bodies = bodies;
		this.properties = properties;
	}

	@PostMapping(path = { "/api/{projectId}/security", "/api/{projectId}/security/", "/api/{projectId}/csp-report",
			"/api/{projectId}/csp-report/", "/{prefix1}/api/{projectId}/security/",
			"/{prefix1}/api/{projectId}/csp-report/" })
	ResponseEntity<byte[]> report(@PathVariable String projectId, HttpServletRequest request) {
		Instant receivedAt = Instant.now();
		long project = IngestIntake.projectId(projectId);
		AuthenticatedKey key = this.intake.requireRequestKey(project, request, "the query");
		byte[] report = this.bodies.readStore(request);
		if (report.length > this.properties.maxEventSize().toBytes()) {
			throw IngestRejection.tooLarge("event_too_large", "security report exceeds the event size limit");
		}
		requireJsonObjectOrArray(report);
		byte[] envelope = wrap(report);
		this.intake.accept(key, this.decoder.decode(envelope), envelope, receivedAt, request);
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

}
