package dev.faultline.api.system;

import java.util.List;

import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.InstanceAdmin;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.backup.Backup;
import dev.faultline.boot.backup.EmbeddedBackups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/0/internal/backups/}: an online backup of the embedded data directory
 * (see {@link EmbeddedBackups}), for the instance administrator; 201 with where it was
 * written and what it holds. The distributed shape answers 409: its stores are backed up
 * with their own tools.
 */
@RestController
class BackupController {

	private static final Logger logger = LoggerFactory.getLogger(BackupController.class);

	private final InstanceAdmin instanceAdmin;

	private final EmbeddedBackups backups;

	BackupController(InstanceAdmin instanceAdmin, EmbeddedBackups backups) {
		this.instanceAdmin = instanceAdmin;
		this.backups = backups;
	}

	@PostMapping("/api/0/internal/backups/")
	ResponseEntity<BackupJson> create(Caller caller) {
		this.instanceAdmin.require(caller);
		if (!this.backups.isAvailable()) {
			throw ApiException.conflict(
					"Online backups cover the embedded shape; back up PostgreSQL, ClickHouse and Kafka with their own tools");
		}
		Backup backup = this.backups.create();
		logger.info("Backup {} written by user {} in {} ms", backup.directory(), caller.user().id(),
				backup.took().toMillis());
		return ResponseEntity.status(HttpStatus.CREATED).body(BackupJson.of(backup));
	}

	record BackupJson(String directory, String dateStarted, long tookMs, List<FileJson> files) {

		static BackupJson of(Backup backup) {
			return new BackupJson(backup.directory().toString(), ApiDates.format(backup.startedAt()),
					backup.took().toMillis(),
					backup.files().stream().map((file) -> new FileJson(file.name(), file.bytes())).toList());
		}

	}

	record FileJson(String name, long bytes) {
	}

}
