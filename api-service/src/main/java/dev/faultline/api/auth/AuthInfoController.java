package dev.faultline.api.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/0/}: who the token belongs to and what it may do
 * ({@code sentry-cli info}).
 */
@RestController
class AuthInfoController {

	@GetMapping({ "/api/0/", "/api/0" })
	IndexResponse index(Caller caller) {
		List<String> scopes = caller.scopes().stream().sorted().toList();
		// An organization token acts for no user (Sentry answers its user as null).
		UserJson user = caller.isOrganizationToken() ? null : new UserJson(Long.toString(caller.user().id()),
				caller.user().email(), caller.user().name(), caller.user().email());
		return new IndexResponse("0", new AuthJson(scopes), user);
	}

	record IndexResponse(String version, AuthJson auth, @Nullable UserJson user) {

	}

	record AuthJson(List<String> scopes) {

	}

	record UserJson(String id, String email, String name, @Nullable String username) {

	}

}
