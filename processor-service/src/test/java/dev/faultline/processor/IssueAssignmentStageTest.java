package dev.faultline.processor;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IssueAssignmentStageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void userKeyPrefersIdThenEmailThenUsernameThenIp() {
		assertThat(IssueAssignmentStage.userKey(JSON.readTree("{\"id\":\"42\",\"email\":\"a@b.c\"}")))
			.isEqualTo("id:42");
		assertThat(IssueAssignmentStage.userKey(JSON.readTree("{\"email\":\"a@b.c\",\"username\":\"a\"}")))
			.isEqualTo("email:a@b.c");
		assertThat(IssueAssignmentStage.userKey(JSON.readTree("{\"username\":\"a\"}"))).isEqualTo("username:a");
		assertThat(IssueAssignmentStage.userKey(JSON.readTree("{\"ip_address\":\"10.0.0.1\"}")))
			.isEqualTo("ip:10.0.0.1");
		assertThat(IssueAssignmentStage.userKey(JSON.readTree("{}"))).isNull();
		assertThat(IssueAssignmentStage.userKey(JSON.missingNode())).isNull();
	}

}
