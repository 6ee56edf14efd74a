package dev.faultline.api.auth;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * The two cookies of a browser session. {@code faultline_session} carries the session
 * token and is HttpOnly, so scripts never see it; {@code faultline_csrf} carries the CSRF
 * token and is readable by the web UI, which echoes it in {@code X-CSRFToken} on unsafe
 * requests (double submit: another site can make the browser send cookies, but cannot
 * read them to set the header). Both are {@code SameSite=Lax} and {@code Path=/}, and
 * {@code Secure} when the UI is served over HTTPS.
 */
final class SessionCookies {

	static final String SESSION = "faultline_session";

	static final String CSRF = "faultline_csrf";

	static final String CSRF_HEADER = "X-CSRFToken";

	private SessionCookies() {
	}

	static ResponseCookie session(String token, Duration maxAge, boolean secure) {
		return cookie(SESSION, token, maxAge, secure, true);
	}

	static ResponseCookie csrf(String token, Duration maxAge, boolean secure) {
		return cookie(CSRF, token, maxAge, secure, false);
	}

	/** Cookies that make the browser forget both. */
	static ResponseCookie[] expired(boolean secure) {
		return new ResponseCookie[] { cookie(SESSION, "", Duration.ZERO, secure, true),
				cookie(CSRF, "", Duration.ZERO, secure, false) };
	}

	static @Nullable String value(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static ResponseCookie cookie(String name, String value, Duration maxAge, boolean secure, boolean httpOnly) {
		return ResponseCookie.from(name, value)
			.httpOnly(httpOnly)
			.secure(secure)
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

}
