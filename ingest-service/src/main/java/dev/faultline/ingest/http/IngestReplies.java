package dev.faultline.ingest.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Builds ingest replies with a preset JSON content type, so that Spring's content
 * negotiation never turns an SDK's unusual {@code Accept} header into a 406.
 */
public final class IngestReplies {

	/** The header Sentry SDKs and Relay use to carry the reason of a rejection. */
	public static final String SENTRY_ERROR_HEADER = "X-Sentry-Error";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private IngestReplies() {
	}

	/**
	 * {@code 200 {"id": eventId}}; the id is omitted when unknown.
	 */
	public static ResponseEntity<byte[]> accepted(@Nullable String eventId) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (eventId != null) {
			body.put("id", eventId);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
	}

	/**
	 * {@code {"detail": reason}} with the reason also in {@code X-Sentry-Error}.
	 */
	public static ResponseEntity<byte[]> rejected(HttpStatusCode status, String reason) {
		return ResponseEntity.status(status)
			.header(SENTRY_ERROR_HEADER, reason)
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsBytes(Map.of("detail", reason)));
	}

}
