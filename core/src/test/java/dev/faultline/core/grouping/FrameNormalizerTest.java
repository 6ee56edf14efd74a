package dev.faultline.core.grouping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameNormalizerTest {

	@Test
	void generatedJavaNamesLoseCounters() {
		assertThat(FrameNormalizer.generatedNames("shop.Orders$$Lambda$123/0x0000000800c0b440"))
			.isEqualTo("shop.Orders$$Lambda");
		assertThat(FrameNormalizer.generatedNames("shop.Orders$$Lambda/0x000071c2a8004a00"))
			.isEqualTo("shop.Orders$$Lambda");
		assertThat(FrameNormalizer.generatedNames("jdk.proxy2.$Proxy12")).isEqualTo("jdk.proxy2.$Proxy");
		assertThat(FrameNormalizer.generatedNames("shop.Service$$EnhancerBySpringCGLIB$$1a2b3c4d"))
			.isEqualTo("shop.Service$$EnhancerBySpringCGLIB$$");
		assertThat(FrameNormalizer.generatedNames("shop.Service$$SpringCGLIB$$0"))
			.isEqualTo("shop.Service$$SpringCGLIB$$");
		assertThat(FrameNormalizer.generatedNames("jdk.internal.reflect.GeneratedMethodAccessor42"))
			.isEqualTo("jdk.internal.reflect.GeneratedMethodAccessor");
	}

	@Test
	void javaScriptFunctionsAndFilesAreNormalized() {
		assertThat(FrameNormalizer.function("?")).isEqualTo("<anonymous>");
		assertThat(FrameNormalizer.function(null)).isEqualTo("<anonymous>");
		assertThat(FrameNormalizer.function("Object.error")).isEqualTo("error");
		assertThat(FrameNormalizer.function("async processOrder")).isEqualTo("processOrder");
		assertThat(FrameNormalizer.filename("https://cdn.example.com/static/js/main.3f9a2b1c.js?v=2#x"))
			.isEqualTo("/static/js/main.<hash>.js");
	}

}
