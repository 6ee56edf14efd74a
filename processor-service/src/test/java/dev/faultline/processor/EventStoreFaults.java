package dev.faultline.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;

/**
 * A fault injector around a real {@link EventStore}: writes fail a given number of times
 * or while an outage is on, as if the engine were down; everything else is delegated. A
 * dynamic proxy, so it follows the port as it grows.
 */
final class EventStoreFaults implements InvocationHandler {

	private final EventStore delegate;

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile boolean down;

	private final AtomicInteger failedCalls = new AtomicInteger();

	private final List<String> writtenEventIds = new CopyOnWriteArrayList<>();

	private final Object hangLock = new Object();

	private boolean hanging;

	private EventStoreFaults(EventStore delegate) {
		this.delegate = delegate;
	}

	static EventStoreFaults around(EventStore delegate) {
		return new EventStoreFaults(delegate);
	}

	EventStore store() {
		return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
				new Class<?>[] { EventStore.class }, this);
	}

	/**
	 * Fails the next {@code count} writes.
	 */
	void failNext(int count) {
		this.failuresLeft.set(count);
	}

	/**
	 * Starts or ends an outage: while it lasts every call but {@code close} fails and
	 * health is down.
	 */
	void down(boolean down) {
		this.down = down;
	}

	/**
	 * Starts or ends a hang: while it lasts every write blocks (as on a lock that is
	 * never released) until the hang ends.
	 */
	void hang(boolean hang) {
		synchronized (this.hangLock) {
			this.hanging = hang;
			this.hangLock.notifyAll();
		}
	}

	int failedCalls() {
		return this.failedCalls.get();
	}

	/** The ids of the events of every successful write, in order, repeats included. */
	List<String> writtenEventIds() {
		return List.copyOf(this.writtenEventIds);
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		if (method.getDeclaringClass() == Object.class) {
			return switch (name) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "EventStoreFaults(" + this.delegate + ")";
			};
		}
		if ("isHealthy".equals(name) && this.down) {
			return false;
		}
		if ("write".equals(name)) {
			awaitNoHang();
		}
		boolean failWrite = "write".equals(name) && this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
		if (failWrite || (this.down && !"close".equals(name) && !"isHealthy".equals(name))) {
			this.failedCalls.incrementAndGet();
			throw new IllegalStateException("event store unavailable (simulated)");
		}
		try {
			Object result = method.invoke(this.delegate, args);
			if ("write".equals(name) && args[0] instanceof List<?> written) {
				written.stream()
					.filter(StoredEvent.class::isInstance)
					.forEach((event) -> this.writtenEventIds.add(((StoredEvent) event).eventId()));
			}
			return result;
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private void awaitNoHang() throws InterruptedException {
		synchronized (this.hangLock) {
			while (this.hanging) {
				this.hangLock.wait();
			}
		}
	}

}
