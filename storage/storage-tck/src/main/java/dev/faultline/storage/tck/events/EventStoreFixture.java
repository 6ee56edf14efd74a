package dev.faultline.storage.tck.events;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.storage.events.EventStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store lifecycle shared by the event store contract suites: a subclass provides
 * {@link #createStore()} (a store over fresh, empty storage, called once before each
 * test); the suite closes every store it opened after the test.
 */
public abstract class EventStoreFixture {

	protected final SampleEvents events = new SampleEvents();

	private final List<EventStore> opened = new ArrayList<>();

	private @Nullable EventStore store;

	/**
	 * Opens a store over fresh, empty storage for the current test.
	 */
	protected abstract EventStore createStore() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		this.store = track(createStore());
	}

	@AfterEach
	void closeStores() {
		for (EventStore each : this.opened) {
			each.close();
		}
	}

	/**
	 * The store under test.
	 */
	protected final EventStore store() {
		EventStore current = this.store;
		assertThat(current).as("store opened").isNotNull();
		return current;
	}

	/**
	 * Makes {@code replacement} the store under test (closed after the test).
	 */
	protected final void replaceStore(EventStore replacement) {
		this.store = track(replacement);
	}

	private EventStore track(EventStore store) {
		this.opened.add(store);
		return store;
	}

}
