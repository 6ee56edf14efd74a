package dev.faultline.processor.clientreport;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientReportsTest {

	@Test
	void readsDiscardedEventsAndTheOlderLists() {
		String report = "{\"timestamp\":1795564838.333,\"discarded_events\":[{\"reason\":\"ratelimit_backoff\","
				+ "\"category\":\"error\",\"quantity\":4},{\"reason\":\"queue_overflow\",\"category\":\"span\","
				+ "\"quantity\":2}],\"rate_limited_events\":[{\"category\":\"session\",\"quantity\":1}]}";

		assertThat(ClientReports.parse(report.getBytes(StandardCharsets.UTF_8))).containsExactly(
				new ClientReports.Discard("ratelimit_backoff", "error", 4),
				new ClientReports.Discard("queue_overflow", "span", 2),
				new ClientReports.Discard("ratelimit_backoff", "session", 1));
	}

	@Test
	void skipsWhatItCannotRead() {
		for (String report : new String[] { "", "[]", "nonsense", "{\"discarded_events\":{}}",
				"{\"discarded_events\":[{\"reason\":1,\"category\":\"error\",\"quantity\":1},"
						+ "{\"reason\":\"x\",\"category\":\"error\",\"quantity\":-1},"
						+ "{\"reason\":\"x\",\"category\":\"\",\"quantity\":1},{\"reason\":\"x\"}]}" }) {
			assertThat(ClientReports.parse(report.getBytes(StandardCharsets.UTF_8))).as(report).isEmpty();
		}
		assertThat(ClientReports.parse(new byte[ClientReports.MAX_REPORT_SIZE + 1])).isEmpty();
	}

}
