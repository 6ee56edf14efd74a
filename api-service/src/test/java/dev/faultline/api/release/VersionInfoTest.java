package dev.faultline.api.release;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionInfoTest {

	@Test
	void packageVersionAndBuildAreSplit() {
		VersionInfo info = VersionInfo.parse("shop@1.2.3-rc.1+b7");
		assertThat(info.packageName()).isEqualTo("shop");
		assertThat(info.version()).isEqualTo(new VersionInfo.Version("1.2.3-rc.1+b7", 1L, 2L, 3L, "rc.1", "b7"));
		assertThat(info.description()).isEqualTo("1.2.3-rc.1 (b7)");
		assertThat(info.buildHash()).isNull();
	}

	@Test
	void shortSemanticVersionsDefaultTheMissingParts() {
		assertThat(VersionInfo.parse("2.1").version())
			.isEqualTo(new VersionInfo.Version("2.1", 2L, 1L, 0L, null, null));
		assertThat(VersionInfo.parse("7").description()).isEqualTo("7");
	}

	@Test
	void otherVersionsAreRawOnly() {
		for (String raw : new String[] { "1.2.3.4", "v1.2", "1..2", "1.2-", "1.2+", "release-2026", "1.x" }) {
			VersionInfo info = VersionInfo.parse(raw);
			assertThat(info.version()).as(raw).isEqualTo(new VersionInfo.Version(raw, null, null, null, null, null));
			assertThat(info.description()).isEqualTo(raw);
			assertThat(info.packageName()).isNull();
		}
	}

	@Test
	void commitHashesAreShortened() {
		String sha = "0123456789abcdef0123456789abcdef01234567";
		VersionInfo info = VersionInfo.parse("web@" + sha);
		assertThat(info.packageName()).isEqualTo("web");
		assertThat(info.buildHash()).isEqualTo(sha);
		assertThat(info.description()).isEqualTo("0123456789ab");
	}

	@Test
	void anAtSignAtEitherEndIsPartOfTheVersion() {
		assertThat(VersionInfo.parse("@1.0").packageName()).isNull();
		assertThat(VersionInfo.parse("shop@").packageName()).isNull();
		assertThat(VersionInfo.parse("a@b@1.0").packageName()).isEqualTo("a");
		assertThat(VersionInfo.parse("a@b@1.0").version().raw()).isEqualTo("b@1.0");
	}

}
