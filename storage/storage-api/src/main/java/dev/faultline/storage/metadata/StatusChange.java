package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A status an engineer sets on an issue, with Sentry's resolve and ignore variants.
 */
public sealed interface StatusChange {

	/** The status the issue has after the change. */
	IssueStatus status();

	/** The {@link IssueActivity} type that records the change. */
	String activityType();

	/** Back to unresolved; clears every resolve and ignore detail. */
	record Unresolve() implements StatusChange {

		@Override
		public IssueStatus status() {
			return IssueStatus.UNRESOLVED;
		}

		@Override
		public String activityType() {
			return IssueActivity.SET_UNRESOLVED;
		}

	}

	/** Resolved: any new event is a regression. */
	record Resolve() implements StatusChange {

		@Override
		public IssueStatus status() {
			return IssueStatus.RESOLVED;
		}

		@Override
		public String activityType() {
			return IssueActivity.SET_RESOLVED;
		}

	}

	/**
	 * Resolved in the next release: events of releases first seen after now are
	 * regressions; events without a release or of older releases are counted and leave it
	 * resolved.
	 */
	record ResolveInNextRelease() implements StatusChange {

		@Override
		public IssueStatus status() {
			return IssueStatus.RESOLVED;
		}

		@Override
		public String activityType() {
			return IssueActivity.SET_RESOLVED_IN_RELEASE;
		}

	}

	/**
	 * Resolved in {@code version}: events of a later release are regressions (semantic
	 * versions compare as versions; other versions by when the project first saw them).
	 */
	record ResolveInRelease(String version) implements StatusChange {

		public ResolveInRelease {
			Objects.requireNonNull(version, "version");
		}

		@Override
		public IssueStatus status() {
			return IssueStatus.RESOLVED;
		}

		@Override
		public String activityType() {
			return IssueActivity.SET_RESOLVED_IN_RELEASE;
		}

	}

	/**
	 * Ignored until the first of the given conditions is met (forever when none is set);
	 * the issue then becomes unresolved again. Counts and windows are positive.
	 *
	 * @param until wake up at this time
	 * @param count wake up after this many more events
	 * @param window minutes the {@code count} events must fall within, or null for any
	 * time
	 * @param userCount wake up after this many more distinct users
	 * @param userWindow minutes the {@code userCount} users must fall within, or null
	 */
	record Ignore(@Nullable Instant until, @Nullable Long count, @Nullable Integer window, @Nullable Long userCount,
			@Nullable Integer userWindow) implements StatusChange {

		/** Ignored forever. */
		public static final Ignore FOREVER = new Ignore(null, null, null, null, null);

		public Ignore {
			if ((count != null && count < 1) || (userCount != null && userCount < 1)) {
				throw new IllegalArgumentException("ignore counts must be positive");
			}
			if ((window != null && window < 1) || (userWindow != null && userWindow < 1)) {
				throw new IllegalArgumentException("ignore windows must be positive");
			}
		}

		@Override
		public IssueStatus status() {
			return IssueStatus.IGNORED;
		}

		@Override
		public String activityType() {
			return IssueActivity.SET_IGNORED;
		}

	}

	/**
	 * The plain change to {@code status}.
	 */
	static StatusChange of(IssueStatus status) {
		return switch (status) {
			case UNRESOLVED -> new Unresolve();
			case RESOLVED -> new Resolve();
			case IGNORED -> Ignore.FOREVER;
		};
	}

}
