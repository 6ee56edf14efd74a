package dev.faultline.api.auth;

import dev.faultline.api.web.ApiException;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the {@link Caller} that {@link AuthenticationInterceptor} authenticated to
 * controller methods declaring one.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object caller = webRequest.getAttribute(AuthenticationInterceptor.CALLER_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (caller == null) {
			// A controller outside /api/0/ asked for a caller: treat as unauthenticated.
			throw ApiException.unauthorized("Authentication credentials were not provided.");
		}
		return caller;
	}

}
