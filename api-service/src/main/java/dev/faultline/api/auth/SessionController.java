package dev.faultline.api.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.faultline.api.bootstrap.Passwords;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, the current session, and sign-out of the web UI.
 *
 * <p>
 * A wrong email and a wrong password get the same answer, and an unknown email still runs
 * the (slow) password check against a throwaway hash, so neither the body nor the
 * response time tells whether an account exists. Failed sign-ins are throttled per email
 * and per address ({@link LoginThrottle}): 429 with {@code Retry-After}, decided before
 * the account is looked up.
 */
@RestController
class SessionController {

	private static final Logger logger = LoggerFactory.getLogger(SessionController.class);

	private static final String INVALID = "Invalid email or password";

	private final UserStore users;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final PasswordEncoder passwords = Passwords.encoder();

	private final boolean httpsUrl;

	private volatile @Nullable String throwawayHash;

	SessionController(UserStore users, Sessions sessions, LoginThrottle throttle, FaultlineProperties properties) {
		this.users = users;
		this.sessions = sessions;
		this.throttle = throttle;
		this.httpsUrl = properties.publicUrl().regionMatches(true, 0, "https:", 0, 6);
	}

	@PostMapping({ "/api/0/auth/login/", "/api/0/auth/login" })
	ResponseEntity<?> login(@RequestBody(required = false) @Nullable LoginRequest body, HttpServletRequest request) {
		if (body == null || body.email() == null || body.password() == null) {
			throw ApiException.badRequest("email and password are required");
		}
		String address = String.valueOf(request.getRemoteAddr());
		Duration wait = this.throttle.retryAfter(body.email(), address);
		if (!wait.isZero()) {
			// Decided before any lookup, for existing and unknown emails alike.
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
				.body(Map.of("detail", "Too many failed sign-ins. Try again in " + seconds + " seconds."));
		}
		Optional<User> user = this.users.findByEmail(body.email().trim());
		String hash = user.map(User::passwordHash).orElseGet(this::throwawayHash);
		boolean matches = this.passwords.matches(body.password(), hash);
		if (user.isEmpty() || !matches) {
			this.throttle.failed(body.email(), address);
			throw ApiException.unauthorized(INVALID);
		}
		this.throttle.succeeded(body.email());
		Sessions.NewSession session = this.sessions.create(user.get().id());
		boolean secure = secure(request);
		logger.info("User {} signed in", user.get().id());
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE,
					SessionCookies.session(session.token(), Sessions.LIFETIME, secure).toString())
			.header(HttpHeaders.SET_COOKIE,
					SessionCookies.csrf(session.csrfToken(), Sessions.LIFETIME, secure).toString())
			.body(SessionResponse.of(user.get()));
	}

	@GetMapping({ "/api/0/auth/session/", "/api/0/auth/session" })
	SessionResponse session(Caller caller) {
		return SessionResponse.of(caller.user());
	}

	/**
	 * Always answers 204 and expires the cookies; a live session is deleted first, which
	 * needs its CSRF token like every other unsafe request of a session.
	 */
	@PostMapping({ "/api/0/auth/logout/", "/api/0/auth/logout" })
	ResponseEntity<Void> logout(HttpServletRequest request) {
		String token = SessionCookies.value(request, SessionCookies.SESSION);
		if (token != null) {
			Optional<Session> session = this.sessions.find(token);
			if (session.isPresent()) {
				if (!Sessions.csrfMatches(session.get(), request.getHeader(SessionCookies.CSRF_HEADER))) {
					throw new ApiException(HttpStatus.FORBIDDEN, "CSRF token missing or incorrect");
				}
				this.sessions.delete(token);
				logger.info("User {} signed out", session.get().userId());
			}
		}
		ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent();
		for (ResponseCookie cookie : SessionCookies.expired(secure(request))) {
			response.header(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		return response.build();
	}

	private boolean secure(HttpServletRequest request) {
		return request.isSecure() || this.httpsUrl;
	}

	/**
	 * A hash of a random password, made once: checking against it costs what checking a
	 * real user's password costs.
	 */
	private String throwawayHash() {
		String hash = this.throwawayHash;
		if (hash == null) {
			hash = this.passwords.encode(Long.toHexString(System.nanoTime()) + "-no-such-user");
			this.throwawayHash = hash;
		}
		return hash;
	}

	record LoginRequest(@Nullable String email, @Nullable String password) {

	}

	record SessionResponse(UserJson user) {

		static SessionResponse of(User user) {
			return new SessionResponse(new UserJson(Long.toString(user.id()), user.email(), user.name()));
		}

	}

	record UserJson(String id, String email, String name) {

	}

}
