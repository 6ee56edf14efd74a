package dev.faultline.processor.pipeline;

import java.time.Duration;

/**
 * Exponential backoff: each {@link #next()} doubles the pause up to a cap;
 * {@link #reset()} after a success. Not thread-safe (one per loop).
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private Duration current;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
		this.current = initial;
	}

	/**
	 * The pause to take now; the following one is twice as long, up to the cap.
	 */
	Duration next() {
		Duration pause = this.current;
		Duration doubled = this.current.multipliedBy(2);
		this.current = (doubled.compareTo(this.max) > 0) ? this.max : doubled;
		return pause;
	}

	void reset() {
		this.current = this.initial;
	}

}
