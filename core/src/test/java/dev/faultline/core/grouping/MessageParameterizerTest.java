package dev.faultline.core.grouping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageParameterizerTest {

	private final MessageParameterizer parameterizer = new MessageParameterizer();

	@Test
	void replacesVariableParts() {
		assertThat(this.parameterizer.parameterize("user 123e4567-e89b-12d3-a456-426614174000 not found"))
			.isEqualTo("user <uuid> not found");
		assertThat(this.parameterizer.parameterize("GET https://api.example.com/v1/items?id=3 failed"))
			.isEqualTo("GET <url> failed");
		assertThat(this.parameterizer.parameterize("took 12.5 ms at 2026-11-24T23:58:38.083Z"))
			.isEqualTo("took <float> ms at <date>");
		assertThat(this.parameterizer.parameterize("address 0x7ffee4b8 and deadbeef42"))
			.isEqualTo("address <hex> and <hex>");
		assertThat(this.parameterizer.parameterize("key 'user_id' missing, retry=true"))
			.isEqualTo("key <quoted_str> missing, retry=<bool>");
		assertThat(this.parameterizer.parameterize("order ord-1234 for 3 items"))
			.isEqualTo("order ord-<int> for <int> items");
		assertThat(this.parameterizer.parameterize("can't parse v2 of sdkharness.Main"))
			.isEqualTo("can't parse v2 of sdkharness.Main");
	}

}
