package dev.faultline.sdk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data applied to every event captured while this scope is current: tags, user, contexts,
 * extra, breadcrumbs (bounded, oldest dropped first), fingerprint, level and the active
 * span. Thread-safe: every method synchronizes on the scope, which is cheap because
 * scopes are rarely contended (the global scope only by configuration calls).
 */
public final class Scope {

	private final int maxBreadcrumbs;

	private final Map<String, String> tags = new LinkedHashMap<>();

	private final Map<String, Object> extra = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();

	private final Deque<Breadcrumb> breadcrumbs = new ArrayDeque<>();

	private User user;

	private List<String> fingerprint;

	private Level level;

	private Span span;

	Scope(int maxBreadcrumbs) {
		this.maxBreadcrumbs = maxBreadcrumbs;
	}

	public synchronized Scope setTag(String key, String value) {
		this.tags.put(key, value);
		return this;
	}

	public synchronized Scope removeTag(String key) {
		this.tags.remove(key);
		return this;
	}

	public synchronized Scope setExtra(String key, Object value) {
		this.extra.put(key, value);
		return this;
	}

	/**
	 * Sets a named context, e.g. {@code order → {id, amount}}; the map is copied.
	 * @param name the context name
	 * @param values the values
	 * @return this scope
	 */
	public synchronized Scope setContext(String name, Map<String, Object> values) {
		this.contexts.put(name, new LinkedHashMap<>(values));
		return this;
	}

	/** Sets the user; null clears it. */
	public synchronized Scope setUser(User user) {
		this.user = user;
		return this;
	}

	/** Sets the fingerprint (may contain {@code "{{ default }}"}); null clears it. */
	public synchronized Scope setFingerprint(List<String> fingerprint) {
		this.fingerprint = (fingerprint != null) ? List.copyOf(fingerprint) : null;
		return this;
	}

	/** Overrides the level of captured events; null clears it. */
	public synchronized Scope setLevel(Level level) {
		this.level = level;
		return this;
	}

	/**
	 * Adds a breadcrumb, dropping the oldest beyond
	 * {@link FaultlineOptions#getMaxBreadcrumbs}.
	 * @param breadcrumb the breadcrumb
	 * @return this scope
	 */
	public synchronized Scope addBreadcrumb(Breadcrumb breadcrumb) {
		if (this.maxBreadcrumbs <= 0) {
			return this;
		}
		if (this.breadcrumbs.size() >= this.maxBreadcrumbs) {
			this.breadcrumbs.removeFirst();
		}
		this.breadcrumbs.addLast(breadcrumb);
		return this;
	}

	public synchronized Scope clearBreadcrumbs() {
		this.breadcrumbs.clear();
		return this;
	}

	/**
	 * Binds a span (usually a {@link Transaction}) so that events captured in this scope
	 * carry its trace; null unbinds.
	 */
	public synchronized Scope setSpan(Span span) {
		this.span = span;
		return this;
	}

	/** The bound span, nullable. */
	public synchronized Span getSpan() {
		return this.span;
	}

	/** A copy that can change without affecting this scope. */
	synchronized Scope copy() {
		Scope copy = new Scope(this.maxBreadcrumbs);
		copy.tags.putAll(this.tags);
		copy.extra.putAll(this.extra);
		this.contexts.forEach((name, values) -> copy.contexts.put(name, new LinkedHashMap<>(values)));
		copy.breadcrumbs.addAll(this.breadcrumbs);
		copy.user = this.user;
		copy.fingerprint = this.fingerprint;
		copy.level = this.level;
		copy.span = this.span;
		return copy;
	}

	/**
	 * Copies this scope's data into the event; the event's own values win.
	 */
	synchronized void applyTo(Event event) {
		this.tags.forEach(event.tags()::putIfAbsent);
		this.extra.forEach(event.extra()::putIfAbsent);
		this.contexts.forEach((name, values) -> event.contexts().putIfAbsent(name, new LinkedHashMap<>(values)));
		if (!this.breadcrumbs.isEmpty()) {
			List<Breadcrumb> merged = new ArrayList<>(this.breadcrumbs);
			merged.addAll(event.breadcrumbs());
			event.breadcrumbs().clear();
			int skip = Math.max(0, merged.size() - this.maxBreadcrumbs);
			event.breadcrumbs().addAll(merged.subList(skip, merged.size()));
		}
		if (event.user() == null) {
			event.setUser(this.user);
		}
		if (event.fingerprint() == null) {
			event.setFingerprint(this.fingerprint);
		}
		if (this.level != null) {
			event.setLevel(this.level);
		}
		if (this.span != null && !event.contexts().containsKey("trace")) {
			event.contexts().put("trace", this.span.traceContext());
			if (event.transaction() == null) {
				event.setTransaction(this.span.transaction().name());
			}
		}
	}

	/** Applies the scope's tags to a transaction (its other data concerns errors). */
	synchronized void applyTo(Transaction transaction) {
		this.tags.forEach(transaction.tags()::putIfAbsent);
	}

	synchronized User user() {
		return this.user;
	}

}
