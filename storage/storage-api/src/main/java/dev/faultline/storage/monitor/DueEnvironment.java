package dev.faultline.storage.monitor;

import java.util.Objects;

/**
 * An environment whose next check-in is late past its margin, with its monitor.
 */
public record DueEnvironment(Monitor monitor, MonitorEnvironment environment) {

	public DueEnvironment {
		Objects.requireNonNull(monitor, "monitor");
		Objects.requireNonNull(environment, "environment");
	}

}
