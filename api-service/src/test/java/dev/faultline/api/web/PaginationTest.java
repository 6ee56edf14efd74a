package dev.faultline.api.web;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaginationTest {

	@Test
	void cursorCarriesTheRowOffset() {
		assertThat(Pagination.offset(null)).isZero();
		assertThat(Pagination.offset("")).isZero();
		assertThat(Pagination.offset("0:100:0")).isEqualTo(100);
		assertThat(Pagination.offset("0:0:1")).isZero();
	}

	@Test
	void malformedCursorIsABadRequest() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Pagination.offset("abc"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Pagination.offset("0:x:0"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Pagination.offset("0:-5:0"));
	}

	@Test
	void limitIsClampedToSentrysMaximum() {
		assertThat(Pagination.limit(null)).isEqualTo(100);
		assertThat(Pagination.limit("25")).isEqualTo(25);
		assertThat(Pagination.limit("1000")).isEqualTo(100);
		assertThat(Pagination.limit("0")).isEqualTo(1);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Pagination.limit("many"));
	}

	@Test
	void firstPageLinksHaveNoPreviousResults() {
		UriComponentsBuilder url = UriComponentsBuilder
			.fromUriString("http://h/api/0/projects/o/p/issues/?query=is:unresolved");
		assertThat(Pagination.linkHeader(url, 0, 100, true)).isEqualTo(
				"<http://h/api/0/projects/o/p/issues/?query=is:unresolved&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", "
						+ "<http://h/api/0/projects/o/p/issues/?query=is:unresolved&cursor=0:100:0>; rel=\"next\"; results=\"true\"; cursor=\"0:100:0\"");
	}

	@Test
	void laterPageReplacesTheCursorAndMayEnd() {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString("http://h/x/?cursor=0:10:0&limit=10");
		assertThat(Pagination.linkHeader(url, 10, 10, false))
			.isEqualTo("<http://h/x/?limit=10&cursor=0:0:1>; rel=\"previous\"; results=\"true\"; cursor=\"0:0:1\", "
					+ "<http://h/x/?limit=10&cursor=0:20:0>; rel=\"next\"; results=\"false\"; cursor=\"0:20:0\"");
	}

}
