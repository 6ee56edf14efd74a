package dev.faultline.ingest.http;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The address of the client that sent a request, used for {@code {{auto}}} user IPs.
 */
public final class ClientAddresses {

	private ClientAddresses() {
	}

	/**
	 * The first {@code X-Forwarded-For} entry when forwarded headers are trusted and
	 * present, otherwise the socket's remote address.
	 */
	public static @Nullable String resolve(HttpServletRequest request, boolean trustForwardedFor) {
		if (trustForwardedFor) {
			String forwarded = request.getHeader("X-Forwarded-For");
			if (forwarded != null) {
				int comma = forwarded.indexOf(',');
				String first = ((comma < 0) ? forwarded : forwarded.substring(0, comma)).trim();
				if (!first.isEmpty()) {
					return first;
				}
			}
		}
		return request.getRemoteAddr();
	}

}
