package dev.faultline.protocol.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes the Sentry envelope format: {@code Headers {"\n" Item} ["\n"]} where an item is
 * {@code Headers "\n" Payload}.
 *
 * <p>
 * Rules, following Relay:
 * <ul>
 * <li>Headers are single-line JSON objects in UTF-8 (possibly {@code {}}); a {@code \r}
 * before a header's newline is tolerated as JSON whitespace. Duplicate keys are
 * rejected.</li>
 * <li>An item's {@code length} is optional. Without it the payload runs to the next
 * {@code \n} (a {@code \r} before it belongs to the payload) or to the end of the body.
 * With it, the body must hold {@code length} more bytes, followed by {@code \n},
 * {@code \r\n} or the end of the body.</li>
 * <li>The trailing newline is optional; whitespace after the last item is ignored.</li>
 * <li>Unknown item types are kept.</li>
 * </ul>
 * Payloads are copied, never parsed. Thread-safe. Fails only with
 * {@link EnvelopeParseException}, whatever the input.
 */
public final class EnvelopeDecoder {

	/**
	 * The deepest JSON nesting accepted in an envelope or item header. Real headers nest
	 * three levels ({@code sdk.packages[]}); the limit keeps hostile input from costing
	 * stack.
	 */
	public static final int MAX_HEADER_DEPTH = 32;

	private static final byte NEWLINE = '\n';

	private static final byte CARRIAGE_RETURN = '\r';

	private final ObjectMapper mapper;

	public EnvelopeDecoder() {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_HEADER_DEPTH).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
	}

	/**
	 * Decodes one envelope.
	 * @param body the complete, decompressed request body
	 * @return the headers and items in wire order
	 * @throws EnvelopeParseException when the body is not a well-formed envelope
	 */
	public Envelope decode(byte[] body) {
		if (body.length == 0) {
			throw new EnvelopeParseException(EnvelopeParseException.Reason.EMPTY, "empty body");
		}
		int headerEnd = lineEnd(body, 0);
		ObjectNode headers = parseHeader(body, 0, headerEnd, EnvelopeParseException.Reason.INVALID_ENVELOPE_HEADER);
		List<EnvelopeItem> items = new ArrayList<>();
		int offset = headerEnd + 1;
		while (offset < body.length && !onlyWhitespace(body, offset)) {
			offset = decodeItem(body, offset, items);
		}
		return new Envelope(headers, items);
	}

	/**
	 * Decodes the item starting at {@code offset}, adds it and returns the offset after
	 * it.
	 */
	private int decodeItem(byte[] body, int offset, List<EnvelopeItem> items) {
		int headerEnd = lineEnd(body, offset);
		ObjectNode headers = parseHeader(body, offset, headerEnd, EnvelopeParseException.Reason.INVALID_ITEM_HEADER);
		JsonNode type = headers.get("type");
		if (type == null || !type.isString() || type.asString().isEmpty()) {
			throw new EnvelopeParseException(EnvelopeParseException.Reason.MISSING_ITEM_TYPE,
					"item " + items.size() + " has no type");
		}
		int payloadStart = Math.min(headerEnd + 1, body.length);
		long length = length(headers, items.size());
		int payloadEnd;
		int next;
		if (length < 0) {
			payloadEnd = lineEnd(body, payloadStart);
			next = payloadEnd + 1;
		}
		else {
			if (length > body.length - payloadStart) {
				throw new EnvelopeParseException(EnvelopeParseException.Reason.LENGTH_PAST_END, "item " + items.size()
						+ " announces " + length + " bytes but " + (body.length - payloadStart) + " remain");
			}
			payloadEnd = payloadStart + (int) length;
			next = afterPayload(body, payloadEnd, items.size());
		}
		items.add(new EnvelopeItem(headers, Arrays.copyOfRange(body, payloadStart, payloadEnd)));
		return next;
	}

	/**
	 * The item's declared payload length, or -1 when it has none.
	 */
	private static long length(ObjectNode headers, int index) {
		JsonNode length = headers.get("length");
		if (length == null || length.isNull()) {
			return -1;
		}
		if (!length.isIntegralNumber() || !length.canConvertToLong()) {
			if (length.isNumber() && length.asDouble() < 0) {
				throw new EnvelopeParseException(EnvelopeParseException.Reason.NEGATIVE_LENGTH,
						"item " + index + " has a negative length");
			}
			throw new EnvelopeParseException(EnvelopeParseException.Reason.INVALID_LENGTH,
					"item " + index + " has a length that is not an integer");
		}
		long value = length.asLong();
		if (value < 0) {
			throw new EnvelopeParseException(EnvelopeParseException.Reason.NEGATIVE_LENGTH,
					"item " + index + " has a negative length");
		}
		return value;
	}

	/**
	 * Checks the terminator of a length-delimited payload and returns where the next item
	 * starts.
	 */
	private static int afterPayload(byte[] body, int payloadEnd, int index) {
		if (payloadEnd == body.length) {
			return payloadEnd;
		}
		if (body[payloadEnd] == NEWLINE) {
			return payloadEnd + 1;
		}
		if (body[payloadEnd] == CARRIAGE_RETURN && (payloadEnd + 1 == body.length || body[payloadEnd + 1] == NEWLINE)) {
			return payloadEnd + 2;
		}
		throw new EnvelopeParseException(EnvelopeParseException.Reason.MISSING_NEWLINE_AFTER_PAYLOAD,
				"item " + index + " payload is not followed by a newline");
	}

	private ObjectNode parseHeader(byte[] body, int start, int end, EnvelopeParseException.Reason invalid) {
		String text;
		try {
			// Strict decoding: Jackson would guess UTF-16/32 from byte patterns or
			// replace
			// bad sequences, and headers are UTF-8 only.
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body, start, end - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new EnvelopeParseException(invalid, "header is not valid UTF-8");
		}
		@Nullable JsonNode node;
		try {
			node = this.mapper.readTree(text);
		}
		catch (StreamConstraintsException ex) {
			throw new EnvelopeParseException(EnvelopeParseException.Reason.TOO_DEEPLY_NESTED,
					"header exceeds a JSON limit: " + ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			throw new EnvelopeParseException(invalid, "header is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new EnvelopeParseException(invalid, "header is not a JSON object");
		}
		return (ObjectNode) node;
	}

	/**
	 * Index of the next newline at or after {@code from}, or the body length.
	 */
	private static int lineEnd(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == NEWLINE) {
				return i;
			}
		}
		return body.length;
	}

	private static boolean onlyWhitespace(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			byte b = body[i];
			if (b != NEWLINE && b != CARRIAGE_RETURN && b != ' ' && b != '\t') {
				return false;
			}
		}
		return true;
	}

}
