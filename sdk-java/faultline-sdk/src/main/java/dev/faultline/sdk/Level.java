package dev.faultline.sdk;

import java.util.Locale;

/**
 * Severity of an event or breadcrumb, as written on the wire ({@code "error"}, …).
 */
public enum Level {

	DEBUG, INFO, WARNING, ERROR, FATAL;

	/** The wire name, lower case. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
