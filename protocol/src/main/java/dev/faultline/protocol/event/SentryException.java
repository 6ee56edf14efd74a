package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One exception of an event's chain (the chain is innermost cause first on the wire).
 *
 * @param type the exception type, e.g. {@code IllegalStateException}
 * @param value the message
 * @param module the module or package of the type
 * @param threadId the thread it was thrown in, a number or a string as sent
 * @param mechanism how it was captured
 * @param stacktrace where it was thrown
 * @param other every other property ({@code raw_stacktrace}, …), verbatim
 */
public record SentryException(@Nullable String type, @Nullable String value, @Nullable String module,
		@Nullable JsonNode threadId, @Nullable Mechanism mechanism, @Nullable Stacktrace stacktrace,
		Map<String, JsonNode> other) {

	public SentryException {
		other = Others.copy(other);
	}

	/**
	 * Whether the mechanism marks it synthetic: it carries the stack trace of a captured
	 * message and is not an error.
	 */
	public boolean isSynthetic() {
		return this.mechanism != null && Boolean.TRUE.equals(this.mechanism.synthetic());
	}

	/**
	 * Its frames, oldest call first; empty when it has none.
	 */
	public List<Frame> frames() {
		return (this.stacktrace != null) ? this.stacktrace.frameList() : List.of();
	}

	public SentryException withStacktrace(@Nullable Stacktrace newStacktrace) {
		return new SentryException(this.type, this.value, this.module, this.threadId, this.mechanism, newStacktrace,
				this.other);
	}

	public SentryException withTypeAndValue(@Nullable String newType, @Nullable String newValue) {
		return new SentryException(newType, newValue, this.module, this.threadId, this.mechanism, this.stacktrace,
				this.other);
	}

}
