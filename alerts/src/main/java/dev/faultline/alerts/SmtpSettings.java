package dev.faultline.alerts;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The instance's SMTP server (Sentry keeps mail settings per installation, not per
 * organization).
 *
 * @param host empty when mail is not configured: mail notifications then fail for good
 * @param username null for a server without authentication
 * @param startTls whether to upgrade the connection with STARTTLS (required when set)
 */
public record SmtpSettings(String host, int port, String from, @Nullable String username, @Nullable String password,
		boolean startTls, Duration timeout) {

	public SmtpSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(timeout, "timeout");
	}

	public boolean configured() {
		return !this.host.isBlank();
	}

}
