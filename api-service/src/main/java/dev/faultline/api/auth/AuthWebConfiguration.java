package dev.faultline.api.auth;

import java.time.Clock;
import java.util.List;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.TokenStore;
import dev.faultline.storage.metadata.UserStore;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /api/0/**} with bearer tokens or sign-in sessions and lets controllers
 * take a {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

	private final UserStore users;

	private final TokenStore tokens;

	private final Sessions sessions;

	AuthWebConfiguration(UserStore users, MetadataStores stores, Sessions sessions) {
		this.users = users;
		this.tokens = stores.tokens();
		this.sessions = sessions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Signing in and out, and accepting an invitation, authenticate by themselves
		// (SessionController, AcceptInviteController).
		registry
			.addInterceptor(new AuthenticationInterceptor(this.users, this.tokens, this.sessions, Clock.systemUTC()))
			.addPathPatterns("/api/0/**")
			.excludePathPatterns("/api/0/auth/login/", "/api/0/auth/login", "/api/0/auth/logout/", "/api/0/auth/logout",
					"/api/0/accept-invite/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
