package dev.faultline.protocol.event;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link Event}s; the models know nothing of JSON beyond holding the
 * values they do not model.
 * <ul>
 * <li>Decoding is lenient, as Relay is: a number or boolean where the protocol has text
 * is read as its text; a value that fits its typed slot in no way (an object where text
 * belongs, an explicit {@code null}) stays verbatim in the record's {@code other} map and
 * the slot reads absent; list elements that are not objects and malformed tag or header
 * pairs are dropped.</li>
 * <li>Legacy interface names ({@code sentry.interfaces.Exception}, {@code …Message},
 * {@code …Stacktrace}, {@code …Http}, {@code …User}, {@code …Breadcrumbs},
 * {@code …Template}, {@code …Contexts}, {@code …DebugMeta}, {@code …Debug}, {@code …Csp},
 * {@code …Hpkp}, {@code …ExpectCT}, {@code …ExpectStaple}, and {@code query} for
 * {@code query_string}) are read as their modern fields and written under the modern
 * names. When both names are present the modern one wins and the legacy one is kept in
 * {@code other}.</li>
 * <li>Encoding writes what was read: for an event that uses modern names and well-typed
 * values, {@code toTree(decode(json))} equals {@code json}.</li>
 * <li>Aliasing: a decoded event holds the tree's own nodes for the values it keeps
 * verbatim, and {@link #toTree} puts those nodes into the new tree without copying. A
 * caller that changes a tree in place must not use an event that shares its nodes.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class EventCodec {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private EventCodec() {
	}

	/**
	 * Reads an event object.
	 */
	public static Event decode(ObjectNode json) {
		return EventReader.event(json);
	}

	/**
	 * Parses and reads an event payload.
	 * @throws EventDecodeException when the bytes are not a JSON object
	 */
	public static Event decode(byte[] json) {
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			// Jackson's message may quote the payload, which must not reach logs.
			throw new EventDecodeException(EventDecodeException.Reason.INVALID_JSON);
		}
		if (!(node instanceof ObjectNode object)) {
			throw new EventDecodeException(EventDecodeException.Reason.NOT_AN_OBJECT);
		}
		return decode(object);
	}

	/**
	 * Reads a stack trace kept beside an event's own, such as an exception's
	 * {@code raw_stacktrace} (the frames as sent, before symbolication); null when the
	 * value is not a stack trace.
	 */
	public static @Nullable Stacktrace decodeStacktrace(JsonNode json) {
		return EventReader.stacktrace(json);
	}

	/**
	 * Writes the event as a tree (see the class comment on aliasing).
	 */
	public static ObjectNode toTree(Event event) {
		return EventWriter.event(event);
	}

	/**
	 * Writes the contexts as a tree, for renderers that pass them through.
	 */
	public static ObjectNode toTree(Contexts contexts) {
		return EventWriter.contexts(contexts);
	}

	/**
	 * Writes the SDK block as a tree, for renderers that pass it through.
	 */
	public static ObjectNode toTree(Sdk sdk) {
		return EventWriter.sdk(sdk);
	}

	/**
	 * Writes a mechanism as a tree, for renderers that pass it through.
	 */
	public static ObjectNode toTree(Mechanism mechanism) {
		return EventWriter.mechanism(mechanism);
	}

	/**
	 * Writes the event as compact JSON text.
	 */
	public static String encode(Event event) {
		return MAPPER.writeValueAsString(toTree(event));
	}

	/**
	 * Writes the event as compact UTF-8 JSON.
	 */
	public static byte[] encodeBytes(Event event) {
		return MAPPER.writeValueAsBytes(toTree(event));
	}

}
