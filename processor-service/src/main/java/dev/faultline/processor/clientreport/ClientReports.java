package dev.faultline.processor.clientreport;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import dev.faultline.protocol.json.ClientJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the discards an SDK reports in a {@code client_report} item
 * ({@code {"discarded_events": [{"reason", "category", "quantity"}]}}, plus the older
 * {@code rate_limited_events} / {@code filtered_events} /
 * {@code filtered_sampling_events} lists). Unreadable reports and entries are skipped:
 * they are statistics, never a reason to refuse an envelope. Thread-safe.
 */
final class ClientReports {

	/** Relay's limit for a client report item; larger ones are not parsed. */
	static final int MAX_REPORT_SIZE = 4 * 1024;

	private static final int MAX_ENTRIES = 100;

	private static final JsonMapper JSON = ClientJson.mapperBuilder().build();

	private ClientReports() {
	}

	/**
	 * One discard an SDK reported.
	 */
	record Discard(String reason, String category, long quantity) {

	}

	/**
	 * The discards of one report; empty when it is unreadable.
	 */
	static List<Discard> parse(byte[] payload) {
		if (payload.length > MAX_REPORT_SIZE) {
			return List.of();
		}
		JsonNode report;
		try {
			report = JSON.readTree(payload);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<Discard> discards = new ArrayList<>();
		if (report == null || !report.isObject()) {
			return discards;
		}
		collect(report.get("discarded_events"), null, discards);
		collect(report.get("rate_limited_events"), "ratelimit_backoff", discards);
		collect(report.get("filtered_events"), "event_processor", discards);
		collect(report.get("filtered_sampling_events"), "sample_rate", discards);
		return discards;
	}

	private static void collect(@Nullable JsonNode entries, @Nullable String defaultReason, List<Discard> into) {
		if (entries == null || !entries.isArray()) {
			return;
		}
		for (JsonNode entry : entries) {
			if (into.size() >= MAX_ENTRIES) {
				return;
			}
			JsonNode reason = entry.get("reason");
			JsonNode category = entry.get("category");
			JsonNode quantity = entry.get("quantity");
			String reasonText = (reason != null && reason.isString()) ? reason.asString() : defaultReason;
			if (reasonText == null || category == null || !category.isString() || quantity == null
					|| !quantity.canConvertToLong() || quantity.asLong() <= 0 || reasonText.length() > 64
					|| category.asString().length() > 64 || category.asString().isEmpty()) {
				continue;
			}
			into.add(new Discard(reasonText, category.asString(), quantity.asLong()));
		}
	}

}
