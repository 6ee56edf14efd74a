package dev.faultline.protocol.envelope;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * One envelope item: its header object and its raw payload bytes.
 */
public record EnvelopeItem(ObjectNode headers, byte[] payload) {

	public EnvelopeItem {
		Objects.requireNonNull(headers, "headers");
		Objects.requireNonNull(payload, "payload");
	}

	/**
	 * The item's {@code type} header, or an empty string when absent.
	 */
	public String type() {
		return this.headers.path("type").asString("");
	}

}
