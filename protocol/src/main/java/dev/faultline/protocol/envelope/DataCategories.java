package dev.faultline.protocol.envelope;

import java.util.Map;

/**
 * The data category of each envelope item type, as Sentry names them in rate limits
 * ({@code X-Sentry-Rate-Limits}), client reports and outcomes. Item types that no
 * category names (including types invented after this list) fall into {@code default}.
 */
public final class DataCategories {

	/** Errors and messages. */
	public static final String ERROR = "error";

	/** Client reports and other SDK bookkeeping, never rate limited. */
	public static final String INTERNAL = "internal";

	/** Anything without a more specific category. */
	public static final String DEFAULT = "default";

	private static final Map<String, String> BY_ITEM_TYPE = Map.ofEntries(Map.entry("event", ERROR),
			Map.entry("transaction", "transaction"), Map.entry("span", "span"), Map.entry("session", "session"),
			Map.entry("sessions", "session"), Map.entry("attachment", "attachment"),
			Map.entry("user_report", "user_report_v2"), Map.entry("feedback", "feedback"),
			Map.entry("check_in", "monitor"), Map.entry("log", "log_item"), Map.entry("client_report", INTERNAL),
			Map.entry("replay_event", "replay"), Map.entry("replay_recording", "replay"),
			Map.entry("replay_video", "replay"), Map.entry("profile", "profile"),
			Map.entry("profile_chunk", "profile_chunk"), Map.entry("trace_metric", "trace_metric"),
			Map.entry("statsd", "metric_bucket"), Map.entry("metric_buckets", "metric_bucket"),
			Map.entry("security", "security"));

	private DataCategories() {
	}

	/**
	 * What an item counts for in its category's outcomes ({@code sum(quantity)}), as
	 * Sentry counts it: an attachment by its bytes, an item container ({@code log},
	 * {@code span} v2, {@code trace_metric}) by the items its {@code item_count} header
	 * declares, anything else as 1.
	 */
	public static long quantity(EnvelopeItem item) {
		return "attachment".equals(item.type()) ? item.payload().length : count(item);
	}

	/**
	 * How many items an envelope item is ({@code times_seen}): its {@code item_count}
	 * when it declares one (between 1 and 100,000), else 1.
	 */
	public static long count(EnvelopeItem item) {
		var itemCount = item.headers().get("item_count");
		if (itemCount != null && itemCount.canConvertToLong()) {
			long count = itemCount.asLong();
			if (count >= 1 && count <= 100_000) {
				return count;
			}
		}
		return 1;
	}

	/**
	 * The category of an item type; {@code default} for unknown types.
	 */
	public static String of(String itemType) {
		return BY_ITEM_TYPE.getOrDefault(itemType, DEFAULT);
	}

}
