package dev.faultline.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead letters a shape's processor parked for a project, read straight from its
 * metadata database (no Web API lists them yet), as {@code "reason: detail"}.
 */
final class DeadLetters {

	private DeadLetters() {
	}

	static List<String> read(String jdbcUrl, String user, long projectId) {
		List<String> letters = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
				PreparedStatement query = connection
					.prepareStatement("SELECT reason, detail FROM dead_letters WHERE project_id = ? ORDER BY id")) {
			query.setLong(1, projectId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					letters.add(rows.getString(1) + ": " + rows.getString(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read dead letters at " + jdbcUrl, ex);
		}
		return letters;
	}

}
