package dev.faultline.api.auth;

import java.util.List;

import dev.faultline.storage.metadata.UserStore;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /api/0/**} with bearer tokens and lets controllers take a {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

	private final UserStore users;

	AuthWebConfiguration(UserStore users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new BearerTokenInterceptor(this.users)).addPathPatterns("/api/0/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
