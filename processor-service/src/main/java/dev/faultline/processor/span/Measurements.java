package dev.faultline.processor.span;

import java.util.HashMap;
import java.util.Map;

import dev.faultline.protocol.span.StreamedSpan;
import dev.faultline.storage.spans.Measurement;

/**
 * The web vitals and browser timings of a streamed span, read from its attributes
 * ({@code browser.web_vital.<name>.value}, the pageload segment's TTFB, FP and FCP and
 * the {@code ui.webvital.*} / interaction spans' LCP, CLS and INP) into the measurement
 * names of a static transaction ({@code lcp}, {@code ttfb.requestTime}…), so both forms
 * are queried alike.
 */
final class Measurements {

	/** Attribute key → measurement name. */
	private static final Map<String, String> WEB_VITALS = Map.of("browser.web_vital.lcp.value", "lcp",
			"browser.web_vital.fcp.value", "fcp", "browser.web_vital.fp.value", "fp", "browser.web_vital.cls.value",
			"cls", "browser.web_vital.inp.value", "inp", "browser.web_vital.ttfb.value", "ttfb",
			"browser.web_vital.ttfb.request_time", "ttfb.requestTime");

	private Measurements() {
	}

	static Map<String, Measurement> of(StreamedSpan span) {
		Map<String, Measurement> measurements = new HashMap<>();
		WEB_VITALS.forEach((attribute, name) -> {
			Double value = span.number(attribute);
			if (value != null && Double.isFinite(value)) {
				measurements.put(name, new Measurement(value, unit(name)));
			}
		});
		return measurements;
	}

	/** The unit of a measurement sent without one: CLS is a score, the others times. */
	static String unit(String name) {
		return "cls".equals(name) ? "none" : "millisecond";
	}

}
