package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stack trace, oldest call first.
 *
 * @param frames the frames; null when the property was absent
 * @param other every other property ({@code registers}, {@code frames_omitted}, …),
 * verbatim
 */
public record Stacktrace(@Nullable List<Frame> frames, Map<String, JsonNode> other) {

	public Stacktrace {
		frames = (frames != null) ? List.copyOf(frames) : null;
		other = Others.copy(other);
	}

	/**
	 * The frames, empty when there are none.
	 */
	public List<Frame> frameList() {
		return (this.frames != null) ? this.frames : List.of();
	}

	public Stacktrace withFrames(List<Frame> newFrames) {
		return new Stacktrace(newFrames, this.other);
	}

}
