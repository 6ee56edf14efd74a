package dev.faultline.core.filter;

/**
 * Why an inbound filter dropped an item: Relay's {@code FilterStatKey}, the reason of the
 * {@code filtered} outcome that {@code stats_v2} reports.
 */
public enum FilterReason {

	/** The client's address is on the project's list. */
	IP_ADDRESS("ip-address"),

	/** The release matches one of the project's release globs. */
	RELEASE_VERSION("release-version"),

	/** A message or exception matches one of the project's error message globs. */
	ERROR_MESSAGE("error-message"),

	/** The event comes from localhost. */
	LOCALHOST("localhost"),

	/** The error is one known to be caused by a browser extension. */
	BROWSER_EXTENSIONS("browser-extensions"),

	/** The event comes from a legacy browser the project filters. */
	LEGACY_BROWSERS("legacy-browsers"),

	/** The event comes from a known web crawler. */
	WEB_CRAWLERS("web-crawlers"),

	/** A health-check transaction. */
	FILTERED_TRANSACTION("filtered-transaction");

	private final String code;

	FilterReason(String code) {
		this.code = code;
	}

	/** Relay's reason code, as outcomes carry it. */
	public String code() {
		return this.code;
	}

}
