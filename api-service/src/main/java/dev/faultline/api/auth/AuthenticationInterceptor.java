package dev.faultline.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.TokenStore;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every Web API request and leaves the {@link Caller} in a request
 * attribute: by {@code Authorization: Bearer <token>} when that header is present (tools,
 * scripts; no CSRF check, since another site cannot make a browser send that header; a
 * personal or an organization token, found by its hash, its last use recorded), otherwise
 * by the {@code faultline_session} cookie of the web UI. With the cookie, unsafe methods
 * must carry the session's CSRF token in {@code X-CSRFToken}. {@code OPTIONS} needs no
 * credentials and is answered {@code 204} with {@code Allow}. Failures become 401 (403
 * for CSRF) through the service's exception handler, with Sentry's messages.
 */
class AuthenticationInterceptor implements HandlerInterceptor {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * How stale a token's recorded last use may get: a token used continuously writes its
	 * last-used time at most once per this interval, not once per request.
	 */
	static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	private final UserStore users;

	private final TokenStore tokens;

	private final Sessions sessions;

	private final Clock clock;

	AuthenticationInterceptor(UserStore users, TokenStore tokens, Sessions sessions, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			// Unknown paths fall through to the ordinary 404; only controllers are
			// guarded.
			return true;
		}
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			// Spring answers OPTIONS on a mapped path with its Allow header and no body;
			// no data is read, and a CORS preflight cannot carry credentials anyway.
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return true;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		Caller caller = (authorization != null) ? byToken(authorization) : bySession(request);
		request.setAttribute(CALLER_ATTRIBUTE, caller);
		return true;
	}

	private Caller byToken(String authorization) {
		String token = bearerToken(authorization);
		if (token == null) {
			throw ApiException.unauthorized("Authentication credentials were not provided.");
		}
		Optional<ApiToken> apiToken = this.tokens.findByHash(ApiTokens.hash(token));
		Optional<User> user = apiToken.flatMap((found) -> this.users.findById(found.userId()));
		if (user.isEmpty()) {
			throw ApiException.unauthorized("Invalid token");
		}
		recordUse(apiToken.get());
		return new Caller(user.get(), apiToken.get());
	}

	private void recordUse(ApiToken token) {
		Instant now = this.clock.instant();
		Instant last = token.dateLastUsed();
		if (last == null || !last.plus(LAST_USED_GRANULARITY).isAfter(now)) {
			this.tokens.recordUse(token.id(), now);
		}
	}

	private Caller bySession(HttpServletRequest request) {
		String token = SessionCookies.value(request, SessionCookies.SESSION);
		if (token == null) {
			throw ApiException.unauthorized("Authentication credentials were not provided.");
		}
		Optional<Session> session = this.sessions.find(token);
		Optional<User> user = session.flatMap((found) -> this.users.findById(found.userId()));
		if (user.isEmpty()) {
			throw ApiException.unauthorized("Session expired or invalid");
		}
		if (!SAFE_METHODS.contains(request.getMethod())
				&& !Sessions.csrfMatches(session.get(), request.getHeader(SessionCookies.CSRF_HEADER))) {
			throw new ApiException(HttpStatus.FORBIDDEN, "CSRF token missing or incorrect");
		}
		return new Caller(user.get(), null);
	}

	private static @Nullable String bearerToken(String header) {
		String trimmed = header.trim();
		int space = trimmed.indexOf(' ');
		if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("bearer")) {
			return null;
		}
		String token = trimmed.substring(space + 1).trim();
		return token.isEmpty() ? null : token;
	}

}
