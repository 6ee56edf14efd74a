package dev.faultline.protocol.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Data Source Name:
 * {@code {scheme}://{publicKey}[:{secretKey}]@{host}[:{port}]{path}/{projectId}}.
 *
 * @param scheme {@code http} or {@code https}
 * @param publicKey the client key that authenticates
 * @param secretKey the deprecated secret part, or null; never a credential
 * @param host the host name or address (IPv6 in brackets)
 * @param port the explicit port, or -1 when the DSN has none
 * @param path the path prefix before the project id, without a trailing slash: empty or
 * e.g. {@code /sentry}
 * @param projectId the project the DSN sends to
 */
public record Dsn(String scheme, String publicKey, @Nullable String secretKey, String host, int port, String path,
		long projectId) {

	public Dsn {
		Objects.requireNonNull(scheme, "scheme");
		Objects.requireNonNull(publicKey, "publicKey");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(path, "path");
		if (publicKey.isEmpty()) {
			throw new IllegalArgumentException("publicKey is empty");
		}
		if (host.isEmpty()) {
			throw new IllegalArgumentException("host is empty");
		}
		if (port < -1 || port > 65535) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
		if (!path.isEmpty() && (!path.startsWith("/") || path.endsWith("/"))) {
			throw new IllegalArgumentException("path must be empty or start and not end with '/': " + path);
		}
		if (projectId < 0) {
			throw new IllegalArgumentException("projectId is negative");
		}
	}

	/**
	 * Parses a DSN string.
	 * @throws AuthParseException with {@link AuthParseException.Reason#INVALID_DSN} or
	 * {@link AuthParseException.Reason#MISSING_PUBLIC_KEY}
	 */
	public static Dsn parse(String dsn) {
		URI uri;
		try {
			uri = new URI(dsn.trim());
		}
		catch (URISyntaxException ex) {
			throw invalid("not a URI");
		}
		String scheme = uri.getScheme();
		String host = uri.getHost();
		if (scheme == null || host == null || uri.getRawPath() == null) {
			throw invalid("not an absolute URL with a host");
		}
		String userInfo = uri.getRawUserInfo();
		if (userInfo == null || userInfo.isEmpty() || userInfo.startsWith(":")) {
			throw new AuthParseException(AuthParseException.Reason.MISSING_PUBLIC_KEY, "DSN has no public key");
		}
		int colon = userInfo.indexOf(':');
		String publicKey = (colon < 0) ? userInfo : userInfo.substring(0, colon);
		String secretKey = (colon < 0 || colon == userInfo.length() - 1) ? null : userInfo.substring(colon + 1);
		String rawPath = uri.getRawPath();
		while (rawPath.endsWith("/")) {
			rawPath = rawPath.substring(0, rawPath.length() - 1);
		}
		int slash = rawPath.lastIndexOf('/');
		if (slash < 0) {
			throw invalid("DSN has no project id");
		}
		long projectId;
		try {
			projectId = Long.parseLong(rawPath.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw invalid("DSN project id is not a number");
		}
		if (projectId < 0) {
			throw invalid("DSN project id is negative");
		}
		return new Dsn(scheme.toLowerCase(java.util.Locale.ROOT), publicKey, secretKey, host, uri.getPort(),
				rawPath.substring(0, slash), projectId);
	}

	/**
	 * The envelope endpoint SDKs derive from this DSN, e.g.
	 * {@code https://host/sentry/api/42/envelope/}.
	 */
	public String envelopeUrl() {
		return origin() + this.path + "/api/" + this.projectId + "/envelope/";
	}

	/**
	 * The DSN in its canonical string form, secret included when present.
	 */
	@Override
	public String toString() {
		String keys = (this.secretKey != null) ? this.publicKey + ":" + this.secretKey : this.publicKey;
		return this.scheme + "://" + keys + "@" + hostAndPort() + this.path + "/" + this.projectId;
	}

	private String origin() {
		return this.scheme + "://" + hostAndPort();
	}

	private String hostAndPort() {
		return (this.port >= 0) ? this.host + ":" + this.port : this.host;
	}

	private static AuthParseException invalid(String message) {
		return new AuthParseException(AuthParseException.Reason.INVALID_DSN, message);
	}

}
