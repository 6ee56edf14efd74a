package dev.faultline.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.core.EventNodes;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.LogEntry;
import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds the normalized {@code logentry {formatted, message?, params?}} from whichever
 * shape the SDK used: a plain string {@code message}, an object {@code message} (Java),
 * or {@code logentry} (Node {@code parameterize}, sentry-cli), where {@code formatted}
 * may be missing and is then produced by substituting the params into the template.
 */
final class LogEntries {

	/** printf-style placeholders as JavaScript's and Python's SDKs use them. */
	private static final Pattern PRINTF = ClientPatterns.LOGENTRY_PRINTF.jdk();

	/** {@code {0}} (java.text.MessageFormat) or {@code {}} (SLF4J) placeholders. */
	private static final Pattern BRACES = ClientPatterns.LOGENTRY_BRACES.jdk();

	/**
	 * One character more than the trimmer keeps of a message, so a formatted message cut
	 * here is still marked as trimmed in {@code _meta}.
	 */
	static final int MAX_FORMATTED = EventTrimmer.MAX_MESSAGE + 1;

	private LogEntries() {
	}

	/**
	 * The normalized log entry of the raw event, or null when it carries no message.
	 */
	static @Nullable LogEntry from(Event rawEvent) {
		LogEntry source = rawEvent.logentry();
		if (source == null || source.plain()) {
			source = rawEvent.message();
		}
		if (source == null) {
			return null;
		}
		String template;
		@Nullable String formatted;
		List<String> params = new ArrayList<>();
		JsonNode rawParams = source.params();
		if (!source.plain()) {
			template = EventNodes.nonBlank(source.message());
			formatted = EventNodes.nonBlank(source.formatted());
			if (rawParams != null && rawParams.isArray()) {
				for (JsonNode param : rawParams) {
					String value = param.isString() ? param.stringValue() : param.toString();
					params.add(value);
				}
			}
		}
		else {
			template = null;
			formatted = EventNodes.nonBlank(source.formatted());
		}
		if (formatted == null && template != null) {
			formatted = params.isEmpty() ? template : substitute(template, params);
		}
		if (formatted == null) {
			return null;
		}
		return LogEntry.of((template != null && !template.equals(formatted)) ? template : null, formatted,
				params.isEmpty() ? null : rawParams);
	}

	/**
	 * Substitutes params into a template: printf-style placeholders when the template has
	 * any, else indexed {@code {0}} or sequential {@code {}} placeholders. Placeholders
	 * without a param are kept as they are.
	 */
	static String substitute(String fullTemplate, List<String> params) {
		// Only MAX_FORMATTED characters of the result are kept (the trimmer cuts the
		// rest),
		// so neither the template nor the output goes past them: the patterns never see
		// more, and "{0}{0}{0}…" cannot multiply a long param into gigabytes.
		String template = cut(fullTemplate);
		StringBuilder out = new StringBuilder();
		Matcher printf = PRINTF.matcher(template);
		if (printf.find()) {
			int next = 0;
			printf.reset();
			while (printf.find()) {
				String token = printf.group();
				String replacement;
				if ("%%".equals(token)) {
					replacement = "%";
				}
				else if (next < params.size()) {
					replacement = params.get(next++);
				}
				else {
					replacement = token;
				}
				printf.appendReplacement(out, Matcher.quoteReplacement(cut(replacement)));
				if (out.length() >= MAX_FORMATTED) {
					return cut(out.toString());
				}
			}
			printf.appendTail(out);
			return cut(out.toString());
		}
		Matcher braces = BRACES.matcher(template);
		int next = 0;
		while (braces.find()) {
			String index = braces.group(1);
			int position = index.isEmpty() ? next++ : Integer.parseInt(index);
			String replacement = (position < params.size()) ? params.get(position) : braces.group();
			braces.appendReplacement(out, Matcher.quoteReplacement(cut(replacement)));
			if (out.length() >= MAX_FORMATTED) {
				return cut(out.toString());
			}
		}
		braces.appendTail(out);
		return cut(out.toString());
	}

	private static String cut(String text) {
		return (text.length() > MAX_FORMATTED) ? text.substring(0, MAX_FORMATTED) : text;
	}

}
