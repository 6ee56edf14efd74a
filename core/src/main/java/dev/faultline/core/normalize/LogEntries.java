package dev.faultline.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.core.EventNodes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the normalized {@code logentry {formatted, message?, params?}} from whichever
 * shape the SDK used: a plain string {@code message}, an object {@code message} (Java),
 * or {@code logentry} (Node {@code parameterize}, sentry-cli), where {@code formatted}
 * may be missing and is then produced by substituting the params into the template.
 */
final class LogEntries {

	/** printf-style placeholders as JavaScript's and Python's SDKs use them. */
	private static final Pattern PRINTF = Pattern.compile("%[sdifoOj%]");

	/** {@code {0}} (java.text.MessageFormat) or {@code {}} (SLF4J) placeholders. */
	private static final Pattern BRACES = Pattern.compile("\\{(\\d{0,4})\\}");

	private LogEntries() {
	}

	/**
	 * The normalized log entry of the raw event, or null when it carries no message.
	 */
	static @Nullable ObjectNode from(JsonNode rawEvent) {
		JsonNode source = rawEvent.get("logentry");
		if (source == null || !source.isObject()) {
			source = rawEvent.get("message");
		}
		if (source == null) {
			return null;
		}
		String template;
		@Nullable String formatted;
		List<String> params = new ArrayList<>();
		if (source.isObject()) {
			template = EventNodes.text(source, "message");
			formatted = EventNodes.text(source, "formatted");
			JsonNode rawParams = source.path("params");
			if (rawParams.isArray()) {
				for (JsonNode param : rawParams) {
					String value = param.isString() ? param.stringValue() : param.toString();
					params.add(value);
				}
			}
		}
		else {
			template = null;
			formatted = EventNodes.text(source);
		}
		if (formatted == null && template != null) {
			formatted = params.isEmpty() ? template : substitute(template, params);
		}
		if (formatted == null) {
			return null;
		}
		ObjectNode entry = JsonNodeFactory.instance.objectNode();
		entry.put("formatted", formatted);
		if (template != null && !template.equals(formatted)) {
			entry.put("message", template);
		}
		if (!params.isEmpty()) {
			entry.set("params", source.path("params").deepCopy());
		}
		return entry;
	}

	/**
	 * Substitutes params into a template: printf-style placeholders when the template has
	 * any, else indexed {@code {0}} or sequential {@code {}} placeholders. Placeholders
	 * without a param are kept as they are.
	 */
	static String substitute(String template, List<String> params) {
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
				printf.appendReplacement(out, Matcher.quoteReplacement(replacement));
			}
			printf.appendTail(out);
			return out.toString();
		}
		Matcher braces = BRACES.matcher(template);
		int next = 0;
		while (braces.find()) {
			String index = braces.group(1);
			int position = index.isEmpty() ? next++ : Integer.parseInt(index);
			String replacement = (position < params.size()) ? params.get(position) : braces.group();
			braces.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		braces.appendTail(out);
		return out.toString();
	}

}
