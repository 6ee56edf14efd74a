package dev.faultline.api.alert;

import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON helpers of the alert endpoints: rule parts kept as text, read back as trees, and
 * the checks of request values with Sentry's 400s.
 */
final class AlertJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private AlertJson() {
	}

	static String write(@Nullable Object value) {
		return JSON.writeValueAsString((value == null) ? List.of() : value);
	}

	static JsonNode read(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return JSON.createArrayNode();
		}
	}

	static String requiredText(Map<String, Object> body, String key) {
		Object value = body.get(key);
		if (!(value instanceof String text) || text.isBlank()) {
			throw ApiException.badRequest(key + ": This field is required.");
		}
		return text.strip();
	}

	static @Nullable String optionalText(Map<String, Object> body, String key) {
		Object value = body.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String) && !(value instanceof Number)) {
			throw ApiException.badRequest(key + " must be a string");
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	static long number(@Nullable Object value, String key) {
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return number.longValue();
		}
		if (value instanceof String text && !text.isBlank() && text.strip().length() < 18
				&& text.strip().chars().allMatch(Character::isDigit)) {
			return Long.parseLong(text.strip());
		}
		throw ApiException.badRequest(key + " must be a whole number");
	}

	static @Nullable Double decimal(@Nullable Object value, String key) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof String text) {
			try {
				return Double.parseDouble(text.strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw ApiException.badRequest(key + " must be a number");
	}

	static long id(String text) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			throw ApiException.notFound();
		}
		return Long.parseLong(text);
	}

}
