package dev.faultline.processor;

import java.nio.charset.StandardCharsets;

/**
 * Numbered error envelopes for the fault tests: event {@code i} has the id
 * {@link #eventId(int)} and belongs to one of {@value #GROUPS} groups (distinct exception
 * types), so stored counts can be checked exactly.
 */
final class LoadEnvelopes {

	static final int GROUPS = 7;

	private static final String TEMPLATE = "{\"event_id\":\"%1$s\"}\n{\"type\":\"event\"}\n{\"event_id\":\"%1$s\","
			+ "\"platform\":\"java\",\"exception\":{\"values\":[{\"type\":\"LoadError%2$d\",\"value\":\"Order %3$d "
			+ "failed\",\"stacktrace\":{\"frames\":[{\"module\":\"shop.Orders\",\"function\":\"check%2$d\","
			+ "\"lineno\":%3$d,\"in_app\":true}]}}]},\"user\":{\"id\":\"u%4$d\"}}\n";

	private LoadEnvelopes() {
	}

	static String eventId(int i) {
		return "%032x".formatted(0xfa17_0000_0000L + i);
	}

	static byte[] body(int i) {
		return TEMPLATE.formatted(eventId(i), i % GROUPS, i, i % 100).getBytes(StandardCharsets.UTF_8);
	}

}
