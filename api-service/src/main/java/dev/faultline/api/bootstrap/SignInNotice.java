package dev.faultline.api.bootstrap;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * The lines the server logs once it is up: where the web UI is and how to sign in (the
 * administrator's e-mail, and where its password comes from). Never contains a password.
 */
final class SignInNotice {

	/** Where the administrator's password comes from. */
	enum Password {

		/** Generated at this start and printed just above. */
		GENERATED_ABOVE,
		/** Generated at the first start and printed then, once. */
		GENERATED_AT_FIRST_START,
		/** FAULTLINE_ADMIN_PASSWORD (faultline.admin.password). */
		CONFIGURED

	}

	private final String uiUrl;

	/**
	 * @param publicUrl {@code faultline.public-url}, where SDKs and browsers reach
	 * Faultline
	 * @param localPort the port this process serves HTTP on, or null when unknown
	 */
	SignInNotice(String publicUrl, @Nullable Integer localPort) {
		this.uiUrl = uiUrl(publicUrl, localPort);
	}

	/**
	 * The web UI's address: the public URL; when that is the default {@code localhost}
	 * address and this process listens on another port, that port (the public URL was not
	 * set for it).
	 */
	static String uiUrl(String publicUrl, @Nullable Integer localPort) {
		String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
		URI uri = URI.create(base);
		boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
		if (local && localPort != null && localPort > 0 && localPort != port) {
			return uri.getScheme() + "://" + uri.getHost() + ":" + localPort + uri.getPath();
		}
		return base;
	}

	String text(String email, Password password) {
		String source = switch (password) {
			case GENERATED_ABOVE -> "the generated password printed above (shown only this once)";
			case GENERATED_AT_FIRST_START ->
				"the password printed in this log at the first start (generated then; FAULTLINE_ADMIN_PASSWORD "
						+ "chooses it on a fresh data directory)";
			case CONFIGURED -> "the password of FAULTLINE_ADMIN_PASSWORD at the first start";
		};
		return "\n\n  Faultline web UI: " + this.uiUrl + "  (FAULTLINE_PUBLIC_URL sets this address)\n  Sign in as "
				+ email + " with " + source + ".\n";
	}

}
