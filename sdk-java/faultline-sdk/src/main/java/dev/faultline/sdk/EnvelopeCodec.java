package dev.faultline.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes envelopes in the Java SDK's framing (every item header carries
 * {@code content_type}, {@code type} and {@code length}; the body ends with a newline)
 * and decodes the envelopes this codec wrote, which is all the offline cache needs.
 * Stateless and thread-safe.
 */
final class EnvelopeCodec {

	private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]*)\"");

	private static final Pattern CONTENT_TYPE = Pattern.compile("\"content_type\":\"([^\"]*)\"");

	private static final Pattern LENGTH = Pattern.compile("\"length\":(\\d+)");

	private static final Pattern SPANS = Pattern.compile("\"x_faultline_spans\":(\\d+)");

	private static final String SENT_AT = "\"sent_at\":\"";

	private EnvelopeCodec() {
	}

	static byte[] encode(Envelope envelope, Instant sentAt) {
		StringBuilder header = new StringBuilder(envelope.headerFields().length() + 48).append('{');
		if (!envelope.headerFields().isEmpty()) {
			header.append(envelope.headerFields()).append(',');
		}
		header.append(SENT_AT).append(Timestamps.iso(sentAt)).append("\"}\n");
		// Headers first, then one exactly sized array: the payloads are the bulk and are
		// copied once.
		List<byte[]> parts = new ArrayList<>(1 + 2 * envelope.items().size());
		parts.add(header.toString().getBytes(StandardCharsets.UTF_8));
		int size = parts.get(0).length;
		for (EnvelopeItem item : envelope.items()) {
			byte[] payload = item.payload();
			StringBuilder itemHeader = new StringBuilder(96);
			JsonWriter json = new JsonWriter(itemHeader);
			json.beginObject()
				.field("content_type", item.contentType())
				.field("type", item.type())
				.field("length", payload.length);
			if (item.spanCount() > 0) {
				// Unknown item-header keys are ignored by servers; kept so that a cached
				// transaction still reports its spans if it is ever dropped.
				json.field("x_faultline_spans", item.spanCount());
			}
			json.endObject();
			itemHeader.append('\n');
			byte[] headerBytes = itemHeader.toString().getBytes(StandardCharsets.UTF_8);
			parts.add(headerBytes);
			parts.add(payload);
			size += headerBytes.length + payload.length + 1;
		}
		byte[] out = new byte[size];
		int offset = 0;
		for (int i = 0; i < parts.size(); i++) {
			byte[] part = parts.get(i);
			System.arraycopy(part, 0, out, offset, part.length);
			offset += part.length;
			if (i > 0 && i % 2 == 0) {
				out[offset++] = '\n';
			}
		}
		return out;
	}

	/**
	 * Decodes an envelope written by {@link #encode}; {@code sent_at} is removed so that
	 * a later send stamps its own.
	 * @throws IllegalArgumentException when the bytes are not such an envelope
	 */
	static Envelope decode(byte[] body) {
		int headerEnd = indexOf(body, 0);
		String header = new String(body, 0, headerEnd, StandardCharsets.UTF_8).trim();
		int sentAt = header.lastIndexOf(SENT_AT);
		if (!header.startsWith("{") || !header.endsWith("}") || sentAt < 0) {
			throw new IllegalArgumentException("not an envelope written by this SDK");
		}
		String fields = header.substring(1, sentAt);
		if (fields.endsWith(",")) {
			fields = fields.substring(0, fields.length() - 1);
		}
		List<EnvelopeItem> items = new ArrayList<>();
		int offset = headerEnd + 1;
		while (offset < body.length) {
			int end = indexOf(body, offset);
			String itemHeader = new String(body, offset, end - offset, StandardCharsets.UTF_8);
			int length = Integer.parseInt(group(LENGTH, itemHeader, null));
			if (end + 1 + length > body.length) {
				throw new IllegalArgumentException("truncated envelope");
			}
			byte[] payload = new byte[length];
			System.arraycopy(body, end + 1, payload, 0, length);
			int spans = Integer.parseInt(group(SPANS, itemHeader, "0"));
			items.add(new EnvelopeItem(group(TYPE, itemHeader, null),
					group(CONTENT_TYPE, itemHeader, "application/octet-stream"), spans, () -> payload));
			offset = end + 1 + length + 1;
		}
		return new Envelope(fields, items);
	}

	private static String group(Pattern pattern, String text, String fallback) {
		Matcher matcher = pattern.matcher(text);
		if (matcher.find()) {
			return matcher.group(1);
		}
		if (fallback == null) {
			throw new IllegalArgumentException("item header lacks " + pattern);
		}
		return fallback;
	}

	private static int indexOf(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == '\n') {
				return i;
			}
		}
		return body.length;
	}

}
