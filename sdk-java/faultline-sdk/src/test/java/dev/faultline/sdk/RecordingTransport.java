package dev.faultline.sdk;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.faultline.protocol.envelope.EnvelopeDecoder;

/**
 * A transport that records what it is given, decoded by the server's own envelope
 * decoder, and answers what the test says.
 */
final class RecordingTransport implements Transport {

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	final List<dev.faultline.protocol.envelope.Envelope> sent = new CopyOnWriteArrayList<>();

	volatile TransportResponse response = new TransportResponse(200, null, null);

	volatile boolean networkDown;

	@Override
	public TransportResponse send(byte[] envelope) throws IOException {
		if (this.networkDown) {
			throw new IOException("connection refused");
		}
		this.sent.add(this.decoder.decode(envelope));
		return this.response;
	}

	/** Item types of every envelope sent, in order. */
	List<String> itemTypes() {
		return this.sent.stream().flatMap((envelope) -> envelope.items().stream()).map((item) -> item.type()).toList();
	}

}
