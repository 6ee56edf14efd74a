package dev.faultline.sdk.servlet;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.FaultlineOptions;
import dev.faultline.sdk.TransportResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FaultlineTracingFilterTest {

	private static final String TRACE_ID = "0123456789abcdef0123456789abcdef";

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final FaultlineClient client = new FaultlineClient(new FaultlineOptions().setDsn("http://key@127.0.0.1:9/1")
		.setTracesSampleRate(0.0)
		.setTransport((envelope) -> {
			this.sent.add(new String(envelope, StandardCharsets.UTF_8));
			return new TransportResponse(200, null, null);
		}));

	@Test
	void eachRequestIsATransactionContinuingTheCallersTrace() throws Exception {
		FaultlineTracingFilter filter = new FaultlineTracingFilter(this.client);
		filter.doFilter(request("GET", "/checkout", Map.of("sentry-trace", TRACE_ID + "-89abcdef01234567-1")),
				response(201), (req, res) -> this.client.captureMessage("inside the request"));
		this.client.flush(Duration.ofSeconds(10));
		this.client.close();

		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(0)).contains("\"trace_id\":\"" + TRACE_ID + "\"", "\"transaction\":\"GET /checkout\"");
		assertThat(this.sent.get(1)).contains("\"type\":\"transaction\"", "\"op\":\"http.server\"",
				"\"parent_span_id\":\"89abcdef01234567\"", "\"status\":\"ok\"", "\"http.response.status_code\":201");
	}

	@Test
	void escapingExceptionsAreCapturedAndRethrown() {
		FaultlineTracingFilter filter = new FaultlineTracingFilter(this.client);
		assertThatIllegalStateException().isThrownBy(
				() -> filter.doFilter(request("POST", "/pay", Map.of("sentry-trace", TRACE_ID + "-89abcdef01234567-1")),
						response(200), (req, res) -> {
							throw new IllegalStateException("payment failed");
						}));
		this.client.flush(Duration.ofSeconds(10));
		this.client.close();
		assertThat(this.sent.get(0)).contains("\"type\":\"servlet\",\"handled\":false");
		assertThat(this.sent.get(1)).contains("\"status\":\"internal_error\"");
	}

	@Test
	void unsampledTracesSendNoTransaction() throws Exception {
		new FaultlineTracingFilter(this.client).doFilter(request("GET", "/", Map.of()), response(200), (req, res) -> {
		});
		this.client.flush(Duration.ofSeconds(10));
		this.client.close();
		assertThat(this.sent).noneMatch((envelope) -> envelope.contains("\"type\":\"transaction\""));
	}

	@Test
	void httpStatusesMapToSpanStatuses() {
		assertThat(FaultlineTracingFilter.spanStatus(200)).isEqualTo("ok");
		assertThat(FaultlineTracingFilter.spanStatus(404)).isEqualTo("not_found");
		assertThat(FaultlineTracingFilter.spanStatus(500)).isEqualTo("internal_error");
	}

	private static HttpServletRequest request(String method, String uri, Map<String, String> headers) {
		return (HttpServletRequest) Proxy.newProxyInstance(FaultlineTracingFilterTest.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
					case "getMethod" -> method;
					case "getRequestURI" -> uri;
					case "getHeader" -> headers.get((String) args[0]);
					default -> null;
				});
	}

	private static HttpServletResponse response(int status) {
		return (HttpServletResponse) Proxy.newProxyInstance(FaultlineTracingFilterTest.class.getClassLoader(),
				new Class<?>[] { HttpServletResponse.class },
				(proxy, m, args) -> "getStatus".equals(m.getName()) ? status : null);
	}

}
