package dev.faultline.processor.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Mechanism;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.protocol.event.User;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * Stage 3c: adds the tags Sentry derives from an event's fields, so that search
 * ({@code has:user}, {@code user:email:…}, {@code handled:no}) and the tag facets
 * see them:
 * <ul>
 * <li>{@code user}: the first of the user's id, username, e-mail and IP address, written
 * as Sentry's tag value ({@code id:42}, {@code username:jane}, {@code email:j@x.io},
 * {@code ip:10.0.0.1});</li>
 * <li>{@code server_name}: the event's {@code server_name};</li>
 * <li>{@code mechanism} and {@code handled} ({@code yes}/{@code no}): from the mechanism
 * of the last exception (the one that was raised), as Sentry's exception interface does;
 * no {@code handled} tag when the mechanism does not say.</li>
 * </ul>
 * Runs after scrubbing, so a scrubbed user field yields its scrubbed value. A tag the SDK
 * sent under one of these keys is kept. Pure and thread-safe.
 */
final class DerivedTagsStage {

	/** Sentry's longest tag value; longer derived values are cut. */
	private static final int MAX_TAG_VALUE = 200;

	Event derive(Event event) {
		Map<String, String> derived = new LinkedHashMap<>();
		putIfPresent(derived, "user", userTag(event.user()));
		putIfPresent(derived, "server_name", nonBlank(event.serverName()));
		Mechanism mechanism = raisedMechanism(event);
		if (mechanism != null) {
			putIfPresent(derived, "mechanism", nonBlank(mechanism.type()));
			if (mechanism.handled() != null) {
				derived.put("handled", mechanism.handled() ? "yes" : "no");
			}
		}
		if (derived.isEmpty()) {
			return event;
		}
		List<Pairs.Pair> pairs = new ArrayList<>();
		boolean objectForm = true;
		if (event.tags() != null) {
			pairs.addAll(event.tags().pairs());
			objectForm = event.tags().objectForm();
			for (Pairs.Pair pair : event.tags().pairs()) {
				derived.remove(pair.key());
			}
		}
		derived.forEach((key, value) -> pairs.add(new Pairs.Pair(key, value)));
		return event.toBuilder().tags(new Pairs(pairs, objectForm)).build();
	}

	/**
	 * Sentry's user tag value: the first identifying attribute in Sentry's order.
	 */
	static @Nullable String userTag(@Nullable User user) {
		if (user == null) {
			return null;
		}
		String[][] attributes = { { "id", user.id() }, { "username", user.username() }, { "email", user.email() },
				{ "ip", user.ipAddress() } };
		for (String[] attribute : attributes) {
			String value = nonBlank(attribute[1]);
			if (value != null) {
				return attribute[0] + ":" + value.trim();
			}
		}
		return null;
	}

	private static @Nullable Mechanism raisedMechanism(Event event) {
		if (event.exception() == null || event.exception().values().isEmpty()) {
			return null;
		}
		List<SentryException> values = event.exception().values();
		SentryException raised = values.get(values.size() - 1);
		return (raised != null) ? raised.mechanism() : null;
	}

	private static void putIfPresent(Map<String, String> tags, String key, @Nullable String value) {
		if (value != null) {
			tags.put(key, (value.length() > MAX_TAG_VALUE) ? value.substring(0, MAX_TAG_VALUE) : value);
		}
	}

}
