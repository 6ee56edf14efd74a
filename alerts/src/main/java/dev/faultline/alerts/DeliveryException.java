package dev.faultline.alerts;

/**
 * A send that did not deliver, with whether trying again may help: a refusal for good (a
 * 4xx other than 408 and 429, a missing integration, an invalid address) is not retried;
 * a timeout, a 5xx or a connection failure is.
 */
public class DeliveryException extends Exception {

	private final boolean permanent;

	public DeliveryException(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	public DeliveryException(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return this.permanent;
	}

}
