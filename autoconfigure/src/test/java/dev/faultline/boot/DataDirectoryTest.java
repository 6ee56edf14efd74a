package dev.faultline.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

	@TempDir
	Path parent;

	@Test
	void createsTheDirectoryAndDatabaseFilesOwnerOnly() throws Exception {
		Path dataDir = DataDirectory.prepare(this.parent.resolve("data").resolve("nested"));
		Path file = DataDirectory.ownerOnlyFile(dataDir.resolve("metadata.db"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.getParent())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.size(file)).isZero();
	}

	@Test
	void leavesAnExistingFileAndDirectoryAsTheyAre() throws Exception {
		Path dataDir = Files.createDirectory(this.parent.resolve("operator-made"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
		Path file = Files.writeString(dataDir.resolve("metadata.db"), "kept");

		DataDirectory.prepare(dataDir);
		DataDirectory.ownerOnlyFile(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwxr-x---");
		assertThat(Files.readString(file)).isEqualTo("kept");
	}

	@Test
	void restrictsAFileAnEngineCreated() throws Exception {
		Path file = Files.writeString(this.parent.resolve("events.duckdb"), "x");

		DataDirectory.restrictToOwner(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

}
