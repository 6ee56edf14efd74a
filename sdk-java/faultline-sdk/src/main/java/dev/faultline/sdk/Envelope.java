package dev.faultline.sdk;

import java.util.List;

/**
 * An envelope before encoding.
 *
 * @param headerFields the envelope header's members as JSON without the braces and
 * without {@code sent_at}, which {@link EnvelopeCodec} stamps at send time; may be empty
 * @param items the items, in wire order
 */
record Envelope(String headerFields, List<EnvelopeItem> items) {

	Envelope {
		items = List.copyOf(items);
	}

	Envelope withItems(List<EnvelopeItem> items) {
		return new Envelope(this.headerFields, items);
	}

}
