package dev.faultline.sdk;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every payload and envelope header of one client repeats: SDK name and version,
 * release, environment, server name, runtime. Computed once; immutable.
 */
final class ClientIdentity {

	private final String release;

	private final String environment;

	private final String configuredServerName;

	/** Resolved on first use, on the sender thread: a host-name lookup can be slow. */
	private volatile String serverName;

	private final Map<String, Object> sdk;

	private final Map<String, Object> runtime;

	private final String publicKey;

	private final String sdkHeader;

	ClientIdentity(FaultlineOptions options, String publicKey) {
		this.release = options.getRelease();
		this.environment = options.getEnvironment();
		this.configuredServerName = options.getServerName();
		this.publicKey = publicKey;
		Map<String, Object> sdk = new LinkedHashMap<>();
		sdk.put("name", FaultlineClient.SDK_NAME);
		sdk.put("version", FaultlineClient.SDK_VERSION);
		sdk.put("packages",
				List.of(Map.of("name", "maven:dev.faultline:faultline-sdk", "version", FaultlineClient.SDK_VERSION)));
		this.sdk = Map.copyOf(sdk);
		Map<String, Object> runtime = new LinkedHashMap<>();
		runtime.put("name", System.getProperty("java.runtime.name", "Java"));
		runtime.put("version", System.getProperty("java.version", ""));
		this.runtime = Map.copyOf(runtime);
		StringBuilder header = new StringBuilder();
		new JsonWriter(header).value(sdk);
		this.sdkHeader = header.toString();
	}

	void writeCommonFields(JsonWriter json) {
		json.field("release", this.release).field("environment", this.environment).field("server_name", serverName());
	}

	private String serverName() {
		String name = this.serverName;
		if (name == null) {
			name = (this.configuredServerName != null) ? this.configuredServerName : localHostName();
			this.serverName = (name != null) ? name : "";
		}
		return (name == null || name.isEmpty()) ? null : name;
	}

	Map<String, Object> sdk() {
		return this.sdk;
	}

	Map<String, Object> runtime() {
		return this.runtime;
	}

	String release() {
		return this.release;
	}

	String environment() {
		return this.environment;
	}

	String publicKey() {
		return this.publicKey;
	}

	/**
	 * Envelope header members (without braces): {@code event_id}, {@code sdk} and, when
	 * given, the dynamic sampling context {@code trace}.
	 * @param eventId nullable
	 * @param trace nullable
	 */
	String envelopeHeader(String eventId, Map<String, String> trace) {
		StringBuilder out = new StringBuilder(256);
		JsonWriter json = new JsonWriter(out);
		json.beginObject().field("event_id", eventId);
		out.append(",\"sdk\":").append(this.sdkHeader);
		if (eventId == null) {
			out.deleteCharAt(1);
		}
		if (trace != null && !trace.isEmpty()) {
			out.append(",\"trace\":");
			new JsonWriter(out).value(trace);
		}
		return out.substring(1);
	}

	private static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return null;
		}
	}

}
