package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One thread of the {@code threads} interface.
 *
 * @param id the thread id, a number or a string as sent
 * @param name the thread name
 * @param crashed whether the error happened on it
 * @param current whether it was the current thread
 * @param main whether it is the main thread
 * @param state e.g. {@code RUNNABLE}
 * @param stacktrace its stack
 * @param other every other property ({@code held_locks}, …), verbatim
 */
public record SentryThread(@Nullable JsonNode id, @Nullable String name, @Nullable Boolean crashed,
		@Nullable Boolean current, @Nullable Boolean main, @Nullable String state, @Nullable Stacktrace stacktrace,
		Map<String, JsonNode> other) {

	public SentryThread {
		other = Others.copy(other);
	}

	public boolean isCrashed() {
		return Boolean.TRUE.equals(this.crashed);
	}

	/**
	 * Its frames, oldest call first; empty when it has none.
	 */
	public List<Frame> frames() {
		return (this.stacktrace != null) ? this.stacktrace.frameList() : List.of();
	}

	public SentryThread withStacktrace(@Nullable Stacktrace newStacktrace) {
		return new SentryThread(this.id, this.name, this.crashed, this.current, this.main, this.state, newStacktrace,
				this.other);
	}

}
