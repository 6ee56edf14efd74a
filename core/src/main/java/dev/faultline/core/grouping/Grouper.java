package dev.faultline.core.grouping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.LogEntry;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * Computes the grouping hash of a normalized event, in Sentry's order of precedence:
 * <ol>
 * <li>a custom {@code fingerprint}: {@code {{ default }}} expands to the default
 * components (the variant stays the default one, "salted" by the other values); a
 * fingerprint without it replaces the default (variant {@code custom-fingerprint}); other
 * values are literal;</li>
 * <li>the stack traces of the real exception chain: only in-app frames when there are any
 * ({@code app}), else all frames ({@code system}); each exception contributes its type
 * and its frames (module or normalized file name, normalized function, source line —
 * never line numbers), or its parameterized value when it has no frames in the
 * variant;</li>
 * <li>exception types and parameterized values when no exception has frames
 * ({@code exception});</li>
 * <li>the parameterized message template, else the formatted message ({@code message});
 * synthetic exceptions (captured messages) group here, by their message;</li>
 * <li>nothing ({@code fallback}): all such events share one group.</li>
 * </ol>
 * Grouping by a message ignores an attached thread stack trace on purpose: a captured
 * message is identified by its text. The hash is the MD5 of the components joined by NUL
 * characters. Stateless and thread-safe.
 */
public final class Grouper {

	private static final Pattern DEFAULT_PLACEHOLDER = ClientPatterns.FINGERPRINT_DEFAULT.jdk();

	private final MessageParameterizer parameterizer = new MessageParameterizer();

	/**
	 * Groups a normalized event (see {@code EventNormalizer}).
	 */
	public GroupingResult group(Event normalizedEvent) {
		Components defaults = defaultComponents(normalizedEvent);
		List<String> fingerprint = new ArrayList<>();
		if (normalizedEvent.fingerprint() != null) {
			for (String value : normalizedEvent.fingerprint()) {
				String text = nonBlank(value);
				if (text != null) {
					fingerprint.add(text);
				}
			}
		}
		if (fingerprint.isEmpty()) {
			return result(defaults.variant(), defaults.values());
		}
		List<String> components = new ArrayList<>();
		boolean salted = false;
		for (String value : fingerprint) {
			if (DEFAULT_PLACEHOLDER.matcher(value.strip()).matches()) {
				components.addAll(defaults.values());
				salted = true;
			}
			else {
				components.add("fingerprint:" + value);
			}
		}
		return result(salted ? defaults.variant() : "custom-fingerprint", components);
	}

	private Components defaultComponents(Event event) {
		List<SentryException> exceptions = event.realExceptions();
		if (!exceptions.isEmpty()) {
			boolean anyInApp = exceptions.stream()
				.flatMap((exception) -> exception.frames().stream())
				.anyMatch(Frame::isInApp);
			boolean anyFrame = exceptions.stream().anyMatch((exception) -> !exception.frames().isEmpty());
			if (anyInApp) {
				return new Components("app", exceptionComponents(exceptions, Frame::isInApp));
			}
			if (anyFrame) {
				return new Components("system", exceptionComponents(exceptions, (frame) -> true));
			}
			return new Components("exception", exceptionComponents(exceptions, (frame) -> false));
		}
		String message = message(event);
		if (message != null) {
			return new Components("message", List.of("message:" + this.parameterizer.parameterize(message)));
		}
		return new Components("fallback", List.of());
	}

	private List<String> exceptionComponents(List<SentryException> exceptions, Predicate<Frame> frameFilter) {
		List<String> components = new ArrayList<>();
		for (SentryException exception : exceptions) {
			String type = nonBlank(exception.type());
			components.add("type:" + ((type != null) ? FrameNormalizer.generatedNames(type) : ""));
			int before = components.size();
			for (Frame frame : exception.frames()) {
				if (frameFilter.test(frame)) {
					String component = FrameNormalizer.component(frame);
					if (component != null) {
						components.add(component);
					}
				}
			}
			if (components.size() == before) {
				String value = nonBlank(exception.value());
				components.add("value:" + ((value != null) ? this.parameterizer.parameterize(value) : ""));
			}
		}
		return components;
	}

	/**
	 * The message to group by: the log entry's template, else its formatted text, else
	 * the value of a synthetic exception.
	 */
	private static @Nullable String message(Event event) {
		LogEntry logEntry = event.logentry();
		String message = (logEntry != null) ? nonBlank(logEntry.message()) : null;
		if (message == null && logEntry != null) {
			message = nonBlank(logEntry.formatted());
		}
		if (message == null) {
			for (SentryException exception : event.exceptions()) {
				message = nonBlank(exception.value());
				if (message != null) {
					break;
				}
			}
		}
		return message;
	}

	private static GroupingResult result(String variant, List<String> components) {
		MessageDigest md5 = md5();
		for (int i = 0; i < components.size(); i++) {
			if (i > 0) {
				md5.update((byte) 0);
			}
			md5.update(components.get(i).getBytes(StandardCharsets.UTF_8));
		}
		return new GroupingResult(HexFormat.of().formatHex(md5.digest()), variant, components);
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required of every JVM", ex);
		}
	}

	private record Components(String variant, List<String> values) {

	}

}
