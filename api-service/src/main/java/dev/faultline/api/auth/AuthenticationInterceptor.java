package dev.faultline.api.auth;

import java.util.Optional;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every Web API request by {@code Authorization: Bearer <token>} and leaves
 * the {@link Caller} in a request attribute. Failures become 401 through the service's
 * exception handler, with Sentry's messages.
 */
class BearerTokenInterceptor implements HandlerInterceptor {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private final UserStore users;

	BearerTokenInterceptor(UserStore users) {
		this.users = users;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			// Unknown paths fall through to the ordinary 404; only controllers are
			// guarded.
			return true;
		}
		String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token == null) {
			throw ApiException.unauthorized("Authentication credentials were not provided.");
		}
		Optional<ApiToken> apiToken = this.users.findTokenByHash(ApiTokens.hash(token));
		Optional<User> user = apiToken.flatMap((found) -> this.users.findById(found.userId()));
		if (user.isEmpty()) {
			throw ApiException.unauthorized("Invalid token");
		}
		request.setAttribute(CALLER_ATTRIBUTE, new Caller(user.get(), apiToken.get()));
		return true;
	}

	private static @Nullable String bearerToken(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String trimmed = header.trim();
		int space = trimmed.indexOf(' ');
		if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("bearer")) {
			return null;
		}
		String token = trimmed.substring(space + 1).trim();
		return token.isEmpty() ? null : token;
	}

}
