package dev.faultline.protocol.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code contexts} interface (legacy {@code sentry.interfaces.Contexts}): the well
 * known contexts under their default keys typed, every other context (custom ones,
 * {@code client_os}, {@code culture}, {@code gpu}, …) kept verbatim under its key.
 *
 * @param os the operating system ({@code os})
 * @param runtime the language runtime ({@code runtime})
 * @param browser the browser ({@code browser})
 * @param device the device ({@code device})
 * @param app the application ({@code app})
 * @param trace the trace the event belongs to ({@code trace})
 * @param other every other context by key, verbatim
 */
public record Contexts(@Nullable Os os, @Nullable Runtime runtime, @Nullable Browser browser, @Nullable Device device,
		@Nullable App app, @Nullable Trace trace, Map<String, JsonNode> other) {

	/** No contexts. */
	public static final Contexts EMPTY = new Contexts(null, null, null, null, null, null, Map.of());

	public Contexts {
		other = Others.copy(other);
	}

	/**
	 * Whether a context of that key is present, typed or not.
	 */
	public boolean has(String key) {
		return switch (key) {
			case "os" -> this.os != null;
			case "runtime" -> this.runtime != null;
			case "browser" -> this.browser != null;
			case "device" -> this.device != null;
			case "app" -> this.app != null;
			case "trace" -> this.trace != null;
			default -> this.other.containsKey(key);
		};
	}

	public Contexts withOs(@Nullable Os value) {
		return new Contexts(value, this.runtime, this.browser, this.device, this.app, this.trace, this.other);
	}

	public Contexts withBrowser(@Nullable Browser value) {
		return new Contexts(this.os, this.runtime, value, this.device, this.app, this.trace, this.other);
	}

	public Contexts withDevice(@Nullable Device value) {
		return new Contexts(this.os, this.runtime, this.browser, value, this.app, this.trace, this.other);
	}

	/**
	 * The operating system.
	 *
	 * @param name e.g. {@code Linux}
	 * @param version its version
	 * @param build its build
	 * @param kernelVersion the kernel version
	 * @param rooted whether the device is rooted or jailbroken
	 * @param rawDescription the unparsed description
	 * @param type the context type, normally {@code os}
	 * @param other every other property, verbatim
	 */
	public record Os(@Nullable String name, @Nullable String version, @Nullable String build,
			@Nullable String kernelVersion, @Nullable Boolean rooted, @Nullable String rawDescription,
			@Nullable String type, Map<String, JsonNode> other) {

		public Os {
			other = Others.copy(other);
		}

	}

	/**
	 * The language runtime.
	 *
	 * @param name e.g. {@code node}, {@code OpenJDK Runtime Environment}
	 * @param version its version
	 * @param rawDescription the unparsed description
	 * @param type the context type, normally {@code runtime}
	 * @param other every other property, verbatim
	 */
	public record Runtime(@Nullable String name, @Nullable String version, @Nullable String rawDescription,
			@Nullable String type, Map<String, JsonNode> other) {

		public Runtime {
			other = Others.copy(other);
		}

	}

	/**
	 * The browser.
	 *
	 * @param name e.g. {@code Chrome}
	 * @param version its version
	 * @param type the context type, normally {@code browser}
	 * @param other every other property, verbatim
	 */
	public record Browser(@Nullable String name, @Nullable String version, @Nullable String type,
			Map<String, JsonNode> other) {

		public Browser {
			other = Others.copy(other);
		}

	}

	/**
	 * The device. Numeric measurements (memory, battery, screen) stay in {@code other}.
	 *
	 * @param name the device name
	 * @param family e.g. {@code iPhone}
	 * @param model e.g. {@code iPhone15,2}
	 * @param modelId the internal model id
	 * @param arch the CPU architecture
	 * @param brand the brand
	 * @param manufacturer the manufacturer
	 * @param simulator whether it is a simulator
	 * @param type the context type, normally {@code device}
	 * @param other every other property, verbatim
	 */
	public record Device(@Nullable String name, @Nullable String family, @Nullable String model,
			@Nullable String modelId, @Nullable String arch, @Nullable String brand, @Nullable String manufacturer,
			@Nullable Boolean simulator, @Nullable String type, Map<String, JsonNode> other) {

		public Device {
			other = Others.copy(other);
		}

	}

	/**
	 * The application.
	 *
	 * @param appName its name
	 * @param appVersion its version
	 * @param appIdentifier its bundle or package id
	 * @param appBuild its build
	 * @param appStartTime when it started
	 * @param type the context type, normally {@code app}
	 * @param other every other property, verbatim
	 */
	public record App(@Nullable String appName, @Nullable String appVersion, @Nullable String appIdentifier,
			@Nullable String appBuild, @Nullable String appStartTime, @Nullable String type,
			Map<String, JsonNode> other) {

		public App {
			other = Others.copy(other);
		}

	}

	/**
	 * The trace the event belongs to.
	 *
	 * @param traceId 32 hex characters
	 * @param spanId 16 hex characters
	 * @param parentSpanId the parent span
	 * @param op the span operation
	 * @param status the span status
	 * @param type the context type, normally {@code trace}
	 * @param other every other property, verbatim
	 */
	public record Trace(@Nullable String traceId, @Nullable String spanId, @Nullable String parentSpanId,
			@Nullable String op, @Nullable String status, @Nullable String type, Map<String, JsonNode> other) {

		public Trace {
			other = Others.copy(other);
		}

	}

}
