package dev.faultline.ingest.http;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes Tomcat deliver an early 413 to the clients SDKs are: they write the whole body
 * before reading, and one that sees a network error instead of a 413 caches the envelope
 * and sends it again, forever.
 * <ul>
 * <li>{@code Expect: 100-continue} is answered when the application first reads the body
 * ({@code continueResponseTiming=onRead}) rather than before the request reaches it, so a
 * request whose {@code Content-Length} is over the limit gets its 413 without a
 * {@code 100} and the client never sends the body.</li>
 * <li>The rest of an over-limit body is read and discarded after the 413 (up to
 * {@code server.tomcat.max-swallow-size}, set in {@code application.yml}) instead of the
 * connection being closed under a client that is still writing, which it would see as a
 * broken pipe.</li>
 * </ul>
 */
@Component
class OversizeBodyConnectorCustomizer implements TomcatConnectorCustomizer {

	@Override
	public void customize(Connector connector) {
		if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
			http.setContinueResponseTiming("onRead");
		}
	}

}
