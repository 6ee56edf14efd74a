package dev.faultline.sdk;

import java.net.URI;

/**
 * A parsed DSN, {@code scheme://publicKey[:secret]@host[:port][/path]/projectId}.
 *
 * @param publicKey the project key sent as {@code sentry_key}
 * @param secretKey the legacy secret, nullable
 * @param envelopeUri where envelopes are posted: the DSN's path prefix is kept
 * @param projectId the project id, the last path segment
 */
public record Dsn(String publicKey, String secretKey, URI envelopeUri, String projectId) {

	/**
	 * Parses a DSN.
	 * @param dsn the DSN text
	 * @return the parsed DSN
	 * @throws IllegalArgumentException naming what is wrong when the text is not a DSN
	 */
	public static Dsn parse(String dsn) {
		URI uri;
		try {
			uri = URI.create(dsn.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid DSN: not a URI", ex);
		}
		String userInfo = uri.getRawUserInfo();
		if (uri.getScheme() == null || uri.getHost() == null || userInfo == null || userInfo.isEmpty()) {
			throw new IllegalArgumentException("Invalid DSN: needs scheme, public key and host");
		}
		int colon = userInfo.indexOf(':');
		String publicKey = (colon < 0) ? userInfo : userInfo.substring(0, colon);
		String secret = (colon < 0) ? null : userInfo.substring(colon + 1);
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		int slash = path.lastIndexOf('/');
		String projectId = path.substring(slash + 1);
		if (projectId.isEmpty()) {
			throw new IllegalArgumentException("Invalid DSN: no project id");
		}
		String prefix = (slash <= 0) ? "" : path.substring(0, slash);
		String port = (uri.getPort() < 0) ? "" : ":" + uri.getPort();
		URI envelope = URI
			.create(uri.getScheme() + "://" + uri.getHost() + port + prefix + "/api/" + projectId + "/envelope/");
		return new Dsn(publicKey, (secret == null || secret.isEmpty()) ? null : secret, envelope, projectId);
	}

	/**
	 * The {@code X-Sentry-Auth} header value, in the Java SDK's form.
	 * @param client the {@code sentry_client} value, e.g. {@code faultline.java/0.1.0}
	 * @return the header value
	 */
	public String authHeader(String client) {
		String header = "Sentry sentry_version=7,sentry_client=" + client + ",sentry_key=" + this.publicKey;
		return (this.secretKey != null) ? header + ",sentry_secret=" + this.secretKey : header;
	}

}
