package dev.faultline.protocol.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes envelopes in the framing every SDK accepts and {@link EnvelopeDecoder} reads
 * back: compact single-line headers, an explicit {@code length} in every item header
 * (overwriting any given one) and a newline after every payload. The envelope's header
 * and item objects are not modified. Thread-safe.
 */
public final class EnvelopeEncoder {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public byte[] encode(Envelope envelope) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeLine(out, envelope.headers());
		for (EnvelopeItem item : envelope.items()) {
			ObjectNode headers = item.headers().deepCopy();
			headers.put("length", item.payload().length);
			writeLine(out, headers);
			out.writeBytes(item.payload());
			out.write('\n');
		}
		return out.toByteArray();
	}

	private void writeLine(ByteArrayOutputStream out, ObjectNode headers) {
		// Compact JSON escapes control characters, so a header never contains a newline.
		out.writeBytes(this.mapper.writeValueAsString(headers).getBytes(StandardCharsets.UTF_8));
		out.write('\n');
	}

}
