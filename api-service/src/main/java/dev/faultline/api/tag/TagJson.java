package dev.faultline.api.tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.events.TagFacet;
import dev.faultline.storage.events.TagKeyCount;
import dev.faultline.storage.events.TagValueCount;
import org.jspecify.annotations.Nullable;

/**
 * A tag key as Sentry renders it: {@code totalValues} is the number of events that carry
 * it, {@code topValues} only on an issue's tags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TagJson(String key, String name, long totalValues, long uniqueValues, @Nullable List<ValueJson> topValues) {

	static TagJson of(TagFacet facet) {
		return new TagJson(facet.key(), label(facet.key()), facet.totalEvents(), facet.uniqueValues(),
				values(facet.key(), facet.topValues(), facet.totalEvents()));
	}

	static TagJson of(TagKeyCount key) {
		return new TagJson(key.key(), label(key.key()), key.count(), key.uniqueValues(), null);
	}

	/**
	 * @param total events carrying the key, the base of {@code percent} (0: no percent)
	 */
	static List<ValueJson> values(String key, List<TagValueCount> values, long total) {
		return values.stream().map((value) -> ValueJson.of(key, value, total)).toList();
	}

	/**
	 * Sentry's label of a tag key: words split at {@code _}, {@code .} and {@code -},
	 * each capitalized ({@code browser.name} is {@code Browser.Name}).
	 */
	static String label(String key) {
		StringBuilder label = new StringBuilder(key.length());
		boolean start = true;
		for (char c : key.replace('_', ' ').toCharArray()) {
			label.append(start ? Character.toUpperCase(c) : c);
			start = !Character.isLetterOrDigit(c);
		}
		return label.toString();
	}

	/**
	 * One value of a tag; {@code percent} (one decimal) of the events that carry the key,
	 * null when that base is not known.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ValueJson(String key, String name, String value, long count, @Nullable Double percent, String firstSeen,
			String lastSeen) {

		static ValueJson of(String key, TagValueCount value, long total) {
			Double percent = (total > 0)
					? BigDecimal.valueOf(value.count() * 100.0 / total).setScale(1, RoundingMode.HALF_UP).doubleValue()
					: null;
			return new ValueJson(key, value.value(), value.value(), value.count(), percent,
					ApiDates.format(value.firstSeen()), ApiDates.format(value.lastSeen()));
		}

	}

}
