package dev.faultline.sdk;

/**
 * The SDK's own diagnostics on {@code System.err}, only when {@code debug} is on: an
 * error-reporting library must not depend on (nor recurse into) the application's
 * logging.
 */
final class SdkLog {

	private final boolean enabled;

	SdkLog(boolean enabled) {
		this.enabled = enabled;
	}

	void debug(String message) {
		if (this.enabled) {
			System.err.println("[faultline] " + message);
		}
	}

}
