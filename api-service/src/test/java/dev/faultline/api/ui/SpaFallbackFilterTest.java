package dev.faultline.api.ui;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SpaFallbackFilterTest {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void browserNavigationsToAppPathsAreForwarded() {
		assertThat(navigation("GET", "/organizations/faultline/issues/12/", BROWSER)).isTrue();
		assertThat(navigation("GET", "/login", BROWSER)).isTrue();
	}

	@Test
	void apiActuatorRootStaticFilesAndOtherRequestsAreNot() {
		assertThat(navigation("GET", "/api/0/organizations/", BROWSER)).isFalse();
		assertThat(navigation("GET", "/api/1/envelope/", BROWSER)).isFalse();
		assertThat(navigation("GET", "/actuator/health", BROWSER)).isFalse();
		assertThat(navigation("GET", "/", BROWSER)).isFalse();
		assertThat(navigation("GET", "/index.html", BROWSER)).isFalse();
		assertThat(navigation("GET", "/organizations/faultline/", "application/json")).isFalse();
		assertThat(navigation("GET", "/organizations/faultline/", null)).isFalse();
		assertThat(navigation("POST", "/organizations/faultline/", BROWSER)).isFalse();
		assertThat(navigation("GET", "/assets/../secret", BROWSER)).isFalse();
	}

	private static boolean navigation(String method, String path, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return SpaFallbackFilter.isAppNavigation(request);
	}

}
