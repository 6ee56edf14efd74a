package dev.faultline.core.cron;

/**
 * A crontab expression or interval schedule that cannot be read; the message says which
 * part and why, fit to show to the user who wrote it.
 */
public final class CronSyntaxException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	CronSyntaxException(String message) {
		super(message);
	}

}
