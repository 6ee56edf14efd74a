package dev.faultline.protocol.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Sentry event as SDKs send it and as Faultline stores it once normalized. Every
 * property is optional on the wire, so every component is nullable; lists and maps are
 * null when the property was absent. Properties the model does not know are kept in
 * {@code other}, verbatim and in wire order, so an event decoded and encoded again loses
 * nothing. Read and written by {@link EventCodec}; wide enough for a {@link Builder}.
 *
 * @param eventId event id, 32 hex characters once normalized
 * @param timestamp when the event happened
 * @param received when the server received it (set by normalization)
 * @param level {@code fatal}, {@code error}, {@code warning}, {@code info} or
 * {@code debug}
 * @param platform the SDK platform, e.g. {@code java}, {@code javascript}
 * @param logger the logger name
 * @param transaction the transaction (route, task) the event happened in
 * @param serverName the host name
 * @param release the release version (numbers read as their text)
 * @param dist the distribution of the release
 * @param environment the environment, e.g. {@code production}
 * @param type the event type: {@code error}, {@code default} (set by normalization)
 * @param title the title (set by normalization)
 * @param culprit where it happened (set by normalization)
 * @param metadata the issue metadata (set by normalization)
 * @param message the {@code message} as sent: a string or a message object
 * @param logentry the {@code logentry} (legacy {@code sentry.interfaces.Message})
 * @param exception the exception chain (legacy {@code sentry.interfaces.Exception})
 * @param stacktrace the deprecated event-level stack trace (legacy
 * {@code sentry.interfaces.Stacktrace})
 * @param threads the threads
 * @param template the deprecated template location (legacy
 * {@code sentry.interfaces.Template})
 * @param breadcrumbs the breadcrumbs (legacy {@code sentry.interfaces.Breadcrumbs})
 * @param request the HTTP request (legacy {@code sentry.interfaces.Http})
 * @param user the user (legacy {@code sentry.interfaces.User})
 * @param contexts the contexts (legacy {@code sentry.interfaces.Contexts})
 * @param tags the tags, as an object or as pairs
 * @param extra arbitrary extra data
 * @param modules installed modules and their versions
 * @param sdk the SDK that sent it
 * @param fingerprint the custom fingerprint (numbers read as their text)
 * @param debugMeta debug images (legacy {@code sentry.interfaces.DebugMeta},
 * {@code sentry.interfaces.Debug})
 * @param meta Sentry's {@code _meta} annotations (what was trimmed, scrubbed or rejected,
 * by path)
 * @param other every other property, verbatim (e.g. {@code errors}, {@code spans},
 * {@code csp}, Faultline's {@code grouping_info})
 */
public record Event(@Nullable String eventId, @Nullable Timestamp timestamp, @Nullable Timestamp received,
		@Nullable String level, @Nullable String platform, @Nullable String logger, @Nullable String transaction,
		@Nullable String serverName, @Nullable String release, @Nullable String dist, @Nullable String environment,
		@Nullable String type, @Nullable String title, @Nullable String culprit, @Nullable Map<String, String> metadata,
		@Nullable LogEntry message, @Nullable LogEntry logentry, @Nullable Values<SentryException> exception,
		@Nullable Stacktrace stacktrace, @Nullable Values<SentryThread> threads, @Nullable Template template,
		@Nullable Values<Breadcrumb> breadcrumbs, @Nullable Request request, @Nullable User user,
		@Nullable Contexts contexts, @Nullable Pairs tags, @Nullable Map<String, JsonNode> extra,
		@Nullable Map<String, String> modules, @Nullable Sdk sdk, @Nullable List<String> fingerprint,
		@Nullable DebugMeta debugMeta, @Nullable Map<String, JsonNode> meta, Map<String, JsonNode> other) {

	public Event {
		metadata = (metadata != null) ? Others.copyOrdered(metadata) : null;
		extra = (extra != null) ? Others.copy(extra) : null;
		modules = (modules != null) ? Others.copyOrdered(modules) : null;
		fingerprint = (fingerprint != null) ? List.copyOf(fingerprint) : null;
		meta = (meta != null) ? Others.copy(meta) : null;
		other = Others.copy(other);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this event's values.
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.eventId(this.eventId)
			.timestamp(this.timestamp)
			.received(this.received)
			.level(this.level)
			.platform(this.platform)
			.logger(this.logger)
			.transaction(this.transaction)
			.serverName(this.serverName)
			.release(this.release)
			.dist(this.dist)
			.environment(this.environment)
			.type(this.type)
			.title(this.title)
			.culprit(this.culprit)
			.metadata(this.metadata)
			.message(this.message)
			.logentry(this.logentry)
			.exception(this.exception)
			.stacktrace(this.stacktrace)
			.threads(this.threads)
			.template(this.template)
			.breadcrumbs(this.breadcrumbs)
			.request(this.request)
			.user(this.user)
			.contexts(this.contexts)
			.tags(this.tags)
			.extra(this.extra)
			.modules(this.modules)
			.sdk(this.sdk)
			.fingerprint(this.fingerprint)
			.debugMeta(this.debugMeta)
			.meta(this.meta);
		builder.other.putAll(this.other);
		return builder;
	}

	/**
	 * The exception chain in wire order (innermost cause first); empty when none.
	 */
	public List<SentryException> exceptions() {
		return (this.exception != null) ? this.exception.values() : List.of();
	}

	/**
	 * The exceptions that are errors: all but synthetic ones, which only carry the stack
	 * trace of a captured message. Wire order.
	 */
	public List<SentryException> realExceptions() {
		List<SentryException> result = new ArrayList<>();
		for (SentryException value : exceptions()) {
			if (!value.isSynthetic()) {
				result.add(value);
			}
		}
		return result;
	}

	/**
	 * The threads; empty when none.
	 */
	public List<SentryThread> threadList() {
		return (this.threads != null) ? this.threads.values() : List.of();
	}

	/**
	 * The breadcrumbs, oldest first; empty when none.
	 */
	public List<Breadcrumb> breadcrumbList() {
		return (this.breadcrumbs != null) ? this.breadcrumbs.values() : List.of();
	}

	/**
	 * The first value of a tag; null when the event has no such tag.
	 */
	public @Nullable String tag(String key) {
		return (this.tags != null) ? this.tags.get(key) : null;
	}

	/**
	 * Builds an {@link Event}; not thread-safe.
	 */
	public static final class Builder {

		private @Nullable String eventId;

		private @Nullable Timestamp timestamp;

		private @Nullable Timestamp received;

		private @Nullable String level;

		private @Nullable String platform;

		private @Nullable String logger;

		private @Nullable String transaction;

		private @Nullable String serverName;

		private @Nullable String release;

		private @Nullable String dist;

		private @Nullable String environment;

		private @Nullable String type;

		private @Nullable String title;

		private @Nullable String culprit;

		private @Nullable Map<String, String> metadata;

		private @Nullable LogEntry message;

		private @Nullable LogEntry logentry;

		private @Nullable Values<SentryException> exception;

		private @Nullable Stacktrace stacktrace;

		private @Nullable Values<SentryThread> threads;

		private @Nullable Template template;

		private @Nullable Values<Breadcrumb> breadcrumbs;

		private @Nullable Request request;

		private @Nullable User user;

		private @Nullable Contexts contexts;

		private @Nullable Pairs tags;

		private @Nullable Map<String, JsonNode> extra;

		private @Nullable Map<String, String> modules;

		private @Nullable Sdk sdk;

		private @Nullable List<String> fingerprint;

		private @Nullable DebugMeta debugMeta;

		private @Nullable Map<String, JsonNode> meta;

		private final Map<String, JsonNode> other = new LinkedHashMap<>();

		private Builder() {
		}

		public Builder eventId(@Nullable String value) {
			this.eventId = value;
			return this;
		}

		public Builder timestamp(@Nullable Timestamp value) {
			this.timestamp = value;
			return this;
		}

		public Builder received(@Nullable Timestamp value) {
			this.received = value;
			return this;
		}

		public Builder level(@Nullable String value) {
			this.level = value;
			return this;
		}

		public Builder platform(@Nullable String value) {
			this.platform = value;
			return this;
		}

		public Builder logger(@Nullable String value) {
			this.logger = value;
			return this;
		}

		public Builder transaction(@Nullable String value) {
			this.transaction = value;
			return this;
		}

		public Builder serverName(@Nullable String value) {
			this.serverName = value;
			return this;
		}

		public Builder release(@Nullable String value) {
			this.release = value;
			return this;
		}

		public Builder dist(@Nullable String value) {
			this.dist = value;
			return this;
		}

		public Builder environment(@Nullable String value) {
			this.environment = value;
			return this;
		}

		public Builder type(@Nullable String value) {
			this.type = value;
			return this;
		}

		public Builder title(@Nullable String value) {
			this.title = value;
			return this;
		}

		public Builder culprit(@Nullable String value) {
			this.culprit = value;
			return this;
		}

		public Builder metadata(@Nullable Map<String, String> value) {
			this.metadata = value;
			return this;
		}

		public Builder message(@Nullable LogEntry value) {
			this.message = value;
			return this;
		}

		public Builder logentry(@Nullable LogEntry value) {
			this.logentry = value;
			return this;
		}

		public Builder exception(@Nullable Values<SentryException> value) {
			this.exception = value;
			return this;
		}

		public Builder stacktrace(@Nullable Stacktrace value) {
			this.stacktrace = value;
			return this;
		}

		public Builder threads(@Nullable Values<SentryThread> value) {
			this.threads = value;
			return this;
		}

		public Builder template(@Nullable Template value) {
			this.template = value;
			return this;
		}

		public Builder breadcrumbs(@Nullable Values<Breadcrumb> value) {
			this.breadcrumbs = value;
			return this;
		}

		public Builder request(@Nullable Request value) {
			this.request = value;
			return this;
		}

		public Builder user(@Nullable User value) {
			this.user = value;
			return this;
		}

		public Builder contexts(@Nullable Contexts value) {
			this.contexts = value;
			return this;
		}

		public Builder tags(@Nullable Pairs value) {
			this.tags = value;
			return this;
		}

		public Builder extra(@Nullable Map<String, JsonNode> value) {
			this.extra = value;
			return this;
		}

		public Builder modules(@Nullable Map<String, String> value) {
			this.modules = value;
			return this;
		}

		public Builder sdk(@Nullable Sdk value) {
			this.sdk = value;
			return this;
		}

		public Builder fingerprint(@Nullable List<String> value) {
			this.fingerprint = value;
			return this;
		}

		public Builder debugMeta(@Nullable DebugMeta value) {
			this.debugMeta = value;
			return this;
		}

		public Builder meta(@Nullable Map<String, JsonNode> value) {
			this.meta = value;
			return this;
		}

		/**
		 * Replaces the properties the model does not know.
		 */
		public Builder other(Map<String, JsonNode> value) {
			this.other.clear();
			this.other.putAll(value);
			return this;
		}

		/**
		 * Adds or replaces one property the model does not know.
		 */
		public Builder putOther(String key, JsonNode value) {
			this.other.put(key, value);
			return this;
		}

		public Builder removeOther(String key) {
			this.other.remove(key);
			return this;
		}

		public Event build() {
			return new Event(this.eventId, this.timestamp, this.received, this.level, this.platform, this.logger,
					this.transaction, this.serverName, this.release, this.dist, this.environment, this.type, this.title,
					this.culprit, this.metadata, this.message, this.logentry, this.exception, this.stacktrace,
					this.threads, this.template, this.breadcrumbs, this.request, this.user, this.contexts, this.tags,
					this.extra, this.modules, this.sdk, this.fingerprint, this.debugMeta, this.meta, this.other);
		}

	}

}
