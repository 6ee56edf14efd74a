package dev.faultline.api.issue;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IssueSearchTest {

	@Test
	void withoutQueryListsUnresolvedIssues() {
		assertThat(IssueSearch.status(null)).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void readsTheIsTermAmongOthers() {
		assertThat(IssueSearch.status("is:resolved")).isEqualTo(IssueStatus.RESOLVED);
		assertThat(IssueSearch.status("  level:error   is:ignored ")).isEqualTo(IssueStatus.IGNORED);
		assertThat(IssueSearch.status("is:archived")).isEqualTo(IssueStatus.IGNORED);
		assertThat(IssueSearch.status("IS:Unresolved")).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void queryWithoutIsTermListsEveryStatus() {
		assertThat(IssueSearch.status("")).isNull();
		assertThat(IssueSearch.status("TypeError")).isNull();
	}

	@Test
	void unknownIsValueIsABadRequest() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IssueSearch.status("is:bogus"))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@Test
	void sortsByName() {
		assertThat(IssueSearch.sort(null)).isEqualTo(IssueSort.DATE);
		assertThat(IssueSearch.sort("date")).isEqualTo(IssueSort.DATE);
		assertThat(IssueSearch.sort("new")).isEqualTo(IssueSort.NEW);
		assertThat(IssueSearch.sort("freq")).isEqualTo(IssueSort.FREQ);
		assertThat(IssueSearch.sort("user")).isEqualTo(IssueSort.USER);
		assertThat(IssueSearch.sort("priority")).isEqualTo(IssueSort.DATE);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IssueSearch.sort("random"));
	}

}
