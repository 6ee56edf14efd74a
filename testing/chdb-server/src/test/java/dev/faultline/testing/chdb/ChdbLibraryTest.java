package dev.faultline.testing.chdb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ChdbLibraryTest {

	@Test
	void missingLibraryNamesTheInstallCommand() {
		String previous = System.getProperty(ChdbLibrary.LIBRARY_PROPERTY);
		System.setProperty(ChdbLibrary.LIBRARY_PROPERTY, "/nonexistent/libchdb.so");
		try {
			assertThatIllegalStateException().isThrownBy(ChdbLibrary::locate)
				.withMessageContaining("/nonexistent/libchdb.so")
				.withMessageContaining("npm --prefix tools install");
		}
		finally {
			if (previous == null) {
				System.clearProperty(ChdbLibrary.LIBRARY_PROPERTY);
			}
			else {
				System.setProperty(ChdbLibrary.LIBRARY_PROPERTY, previous);
			}
		}
	}

}
