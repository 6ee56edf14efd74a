package dev.faultline.api.project;

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Builds DSNs and the other per-key URLs from {@code faultline.public-url}. A path prefix
 * of the public URL is kept ({@code http://h/sentry} gives
 * {@code http://key@h/sentry/42}), which is how the SDKs find
 * {@code /sentry/api/42/envelope/} behind a reverse proxy.
 */
final class Dsns {

	private final String scheme;

	private final String hostPort;

	private final String pathPrefix;

	/**
	 * @throws IllegalArgumentException naming {@code faultline.public-url} when it is not
	 * an absolute http(s) URL
	 */
	Dsns(String publicUrl) {
		URI uri;
		try {
			uri = new URI(publicUrl.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("faultline.public-url is not a URL: " + publicUrl, ex);
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalArgumentException("faultline.public-url must be an absolute URL: " + publicUrl);
		}
		this.scheme = uri.getScheme();
		this.hostPort = uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		this.pathPrefix = path;
	}

	/** {@code scheme://public@host[:port][/prefix]/projectId}. */
	String publicDsn(String publicKey, long projectId) {
		return this.scheme + "://" + publicKey + "@" + this.hostPort + this.pathPrefix + "/" + projectId;
	}

	/** The legacy DSN with {@code public:secret}; SDKs still accept it. */
	String secretDsn(String publicKey, String secretKey, long projectId) {
		return this.scheme + "://" + publicKey + ":" + secretKey + "@" + this.hostPort + this.pathPrefix + "/"
				+ projectId;
	}

	/** A URL below the public base, {@code suffix} starting with a slash. */
	String endpoint(String suffix) {
		return this.scheme + "://" + this.hostPort + this.pathPrefix + suffix;
	}

	DsnJson json(String publicKey, String secretKey, long projectId) {
		String api = "/api/" + projectId;
		String keyQuery = "?sentry_key=" + publicKey;
		return new DsnJson(publicDsn(publicKey, projectId), secretDsn(publicKey, secretKey, projectId),
				endpoint(api + "/csp-report/" + keyQuery), endpoint(api + "/security/" + keyQuery),
				endpoint(api + "/minidump/" + keyQuery), endpoint(api + "/unreal/" + publicKey + "/"),
				endpoint("/js-sdk-loader/" + publicKey + ".min.js"),
				endpoint(api + "/cron/___MONITOR_SLUG___/" + publicKey + "/"));
	}

	/**
	 * The {@code dsn} object of a client key, field for field as Sentry names them.
	 */
	record DsnJson(@JsonProperty("public") String publicDsn, String secret, String csp, String security,
			String minidump, String unreal, String cdn, String crons) {

	}

}
