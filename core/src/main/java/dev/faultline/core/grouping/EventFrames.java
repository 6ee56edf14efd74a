package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.protocol.event.SentryThread;
import dev.faultline.protocol.event.Stacktrace;
import org.jspecify.annotations.Nullable;

/**
 * The frames the grouping rules look at and change: those of every exception, then of
 * every thread, oldest call first per stack. Rules work on this flat list and
 * {@link #replace} puts the changed frames back where they came from.
 */
final class EventFrames {

	private EventFrames() {
	}

	static List<Frame> all(Event event) {
		List<Frame> frames = new ArrayList<>();
		for (SentryException exception : event.exceptions()) {
			frames.addAll(exception.frames());
		}
		for (SentryThread thread : event.threadList()) {
			frames.addAll(thread.frames());
		}
		return frames;
	}

	/**
	 * The event with its frames replaced, in the order of {@link #all}; the event itself
	 * when no frame changed.
	 */
	static Event replace(Event event, List<Frame> before, List<Frame> after) {
		boolean changed = false;
		for (int i = 0; i < before.size() && !changed; i++) {
			changed = before.get(i) != after.get(i);
		}
		if (!changed) {
			return event;
		}
		Iterator<Frame> frames = after.iterator();
		Event.Builder builder = event.toBuilder();
		if (event.exception() != null) {
			List<SentryException> exceptions = new ArrayList<>();
			for (SentryException exception : event.exceptions()) {
				exceptions.add(exception.withStacktrace(replace(exception.stacktrace(), frames)));
			}
			builder.exception(event.exception().withValues(exceptions));
		}
		if (event.threads() != null) {
			List<SentryThread> threads = new ArrayList<>();
			for (SentryThread thread : event.threadList()) {
				threads.add(thread.withStacktrace(replace(thread.stacktrace(), frames)));
			}
			builder.threads(event.threads().withValues(threads));
		}
		return builder.build();
	}

	private static @Nullable Stacktrace replace(@Nullable Stacktrace stacktrace, Iterator<Frame> frames) {
		if (stacktrace == null || stacktrace.frames() == null) {
			return stacktrace;
		}
		List<Frame> replaced = new ArrayList<>(stacktrace.frames().size());
		for (int i = 0; i < stacktrace.frames().size(); i++) {
			replaced.add(frames.next());
		}
		return stacktrace.withFrames(replaced);
	}

}
