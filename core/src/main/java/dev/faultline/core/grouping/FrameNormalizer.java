package dev.faultline.core.grouping;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.faultline.protocol.event.Frame;
import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * Reduces a stack frame to what grouping compares: its module (else its normalized file
 * name), its normalized function and its trimmed source line. Line and column numbers are
 * left out on purpose, as Sentry does, so that a deploy that shifts code keeps its
 * issues. Generated names are normalized: Java lambda, proxy and CGLIB class names lose
 * their counters and addresses; JavaScript anonymous functions read {@code <anonymous>}
 * and lose {@code Object.}/{@code async }/{@code new } prefixes; URLs lose origin, query
 * and content hashes. Stateless and thread-safe.
 */
final class FrameNormalizer {

	/** Source lines longer than this are minified code: useless for grouping. */
	private static final int MAX_CONTEXT_LINE = 120;

	// The patterns are registered in ClientPatterns, where the linear-time property test
	// checks them.
	private static final List<Replacement> GENERATED_NAMES = List.of(
			new Replacement(ClientPatterns.FRAME_LAMBDA.jdk(), "\\$\\$Lambda"),
			new Replacement(ClientPatterns.FRAME_LAMBDA_COUNTER.jdk(), "\\$\\$Lambda"),
			new Replacement(ClientPatterns.FRAME_PROXY.jdk(), "\\$Proxy"),
			new Replacement(ClientPatterns.FRAME_CGLIB.jdk(), "\\$\\$$1$2CGLIB\\$\\$"),
			new Replacement(ClientPatterns.FRAME_SPRING_CGLIB.jdk(), "\\$\\$SpringCGLIB\\$\\$"),
			new Replacement(ClientPatterns.FRAME_HIBERNATE_PROXY.jdk(), "\\$HibernateProxy\\$"),
			new Replacement(ClientPatterns.FRAME_ACCESSOR.jdk(), "$1"));

	private static final Pattern JS_PREFIXES = ClientPatterns.FRAME_JS_PREFIXES.jdk();

	private static final Pattern URL_ORIGIN = ClientPatterns.FRAME_URL_ORIGIN.jdk();

	private static final Pattern CONTENT_HASH = ClientPatterns.FRAME_CONTENT_HASH.jdk();

	private FrameNormalizer() {
	}

	/**
	 * The grouping component of a frame, or null when the frame has nothing to compare.
	 */
	static @Nullable String component(Frame frame) {
		String module = nonBlank(frame.module());
		String location = (module != null) ? generatedNames(module) : filename(nonBlank(frame.filename()));
		String function = function(nonBlank(frame.function()));
		String context = nonBlank(frame.contextLine());
		StringBuilder component = new StringBuilder("frame:");
		component.append(Objects.requireNonNullElse(location, "")).append(" | ").append(function);
		if (context != null && context.strip().length() <= MAX_CONTEXT_LINE) {
			component.append(" | ").append(context.strip());
		}
		else if (location == null && "<anonymous>".equals(function)) {
			return null;
		}
		return component.toString();
	}

	static String function(@Nullable String raw) {
		if (raw == null) {
			return "<anonymous>";
		}
		String function = JS_PREFIXES.matcher(raw.strip()).replaceFirst("");
		String lower = function.toLowerCase(Locale.ROOT);
		if (function.isEmpty() || "?".equals(function) || "<anonymous>".equals(lower)
				|| "anonymous function".equals(lower)) {
			return "<anonymous>";
		}
		return generatedNames(function);
	}

	static @Nullable String filename(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String filename = raw.strip();
		int cut = indexOfAny(filename, '?', '#');
		if (cut >= 0) {
			filename = filename.substring(0, cut);
		}
		filename = URL_ORIGIN.matcher(filename).replaceFirst("");
		return CONTENT_HASH.matcher(filename).replaceAll("<hash>");
	}

	static String generatedNames(String name) {
		String result = name;
		for (Replacement replacement : GENERATED_NAMES) {
			result = replacement.pattern().matcher(result).replaceAll(replacement.with());
		}
		return result;
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		if (a < 0) {
			return b;
		}
		return (b < 0) ? a : Math.min(a, b);
	}

	private record Replacement(Pattern pattern, String with) {

	}

}
