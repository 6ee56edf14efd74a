package dev.faultline.core.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterizedTest {

	@Test
	void sqlLiteralsPlaceholdersAndInListsBecomeOneParameter() {
		assertThat(Parameterized.sql("SELECT  *\n FROM t1 WHERE id = 42 AND name IN ('a', 'it''s', 'c') AND x = ?"))
			.isEqualTo("SELECT * FROM t1 WHERE id = %s AND name IN (%s) AND x = %s");
		assertThat(Parameterized.sql("select * from t where a = $1 and b = -3.5"))
			.isEqualTo("select * from t where a = %s and b = -%s");
		assertThat(Parameterized.sql("SELECT col2 FROM \"table3\" LIMIT 10"))
			.isEqualTo("SELECT col2 FROM \"table3\" LIMIT %s");
		assertThat(Parameterized.sql("WHERE s = 'unterminated")).isEqualTo("WHERE s = %s");
	}

	@Test
	void urlsLoseTheirQueryAndNumberedSegments() {
		assertThat(Parameterized.url("GET https://api.example.com/users/42/orders?page=2#top"))
			.isEqualTo("GET https://api.example.com/users/*/orders");
		assertThat(Parameterized.url("https://cdn.example.com/app.3f2a9.js")).isEqualTo("https://cdn.example.com/*");
		assertThat(Parameterized.url("GET /health")).isEqualTo("GET /health");
	}

	@Test
	void anInListOfAnyLengthIsOneParameter() {
		String huge = "(" + "1, ".repeat(200_000) + "1)";
		assertThat(Parameterized.sql("SELECT * FROM t WHERE id IN " + huge))
			.isEqualTo("SELECT * FROM t WHERE id IN (%s)");
	}

}
