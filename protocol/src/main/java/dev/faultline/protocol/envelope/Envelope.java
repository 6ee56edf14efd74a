package dev.faultline.protocol.envelope;

import java.util.List;
import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * A decoded Sentry envelope: its header object and its items in wire order. Unknown
 * header attributes and unknown item types are kept.
 */
public record Envelope(ObjectNode headers, List<EnvelopeItem> items) {

	public Envelope {
		Objects.requireNonNull(headers, "headers");
		items = List.copyOf(items);
	}

}
