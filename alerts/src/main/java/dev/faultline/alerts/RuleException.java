package dev.faultline.alerts;

/**
 * A rule a client sent that Faultline cannot accept, with the reason in words (the API
 * answers it as a 400 {@code detail}).
 */
public class RuleException extends IllegalArgumentException {

	public RuleException(String message) {
		super(message);
	}

}
