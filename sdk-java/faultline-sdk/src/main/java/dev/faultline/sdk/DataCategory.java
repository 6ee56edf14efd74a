package dev.faultline.sdk;

/**
 * Rate-limit and client-report categories of item types, as Sentry names them
 * ({@code X-Sentry-Rate-Limits} uses the same names).
 */
final class DataCategory {

	static final String ERROR = "error";

	static final String TRANSACTION = "transaction";

	static final String SPAN = "span";

	/** Client reports are never rate limited nor reported. */
	static final String INTERNAL = "internal";

	private DataCategory() {
	}

	static String of(String itemType) {
		return switch (itemType) {
			case "event" -> ERROR;
			case "transaction" -> TRANSACTION;
			case "span" -> SPAN;
			case "session", "sessions" -> "session";
			case "attachment" -> "attachment";
			case "check_in" -> "monitor";
			case "log" -> "log_item";
			case "feedback" -> "feedback";
			case "user_report" -> "user_report";
			case "client_report" -> INTERNAL;
			default -> "default";
		};
	}

}
