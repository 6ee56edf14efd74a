package dev.faultline.core.scrub;

/**
 * An advanced data scrubbing configuration or rule line that cannot be read. The message
 * names the rule, selector or line and is safe to show to the user who wrote it.
 */
public final class PiiConfigException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public PiiConfigException(String message) {
		super(message);
	}

}
