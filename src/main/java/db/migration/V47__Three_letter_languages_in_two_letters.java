package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.LanguageTag;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Items stored before three-letter language codes were read as their two-letter ones kept what their feed declared
 * ({@code fra}, {@code fre}, {@code ara}), which neither {@code lang=fr} nor the filters find: they take the code
 * that items get now ({@link LanguageTag#primary}). Codes without a two-letter one ({@code kab}) stay. One read of
 * the codes in use, then one update per code that changes, of the items that have it.
 */
public class V47__Three_letter_languages_in_two_letters extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		List<String> threeLetter = new ArrayList<>();
		try (PreparedStatement codes = connection
			.prepareStatement("SELECT DISTINCT lang FROM item WHERE CHAR_LENGTH(lang) = 3");
				ResultSet rows = codes.executeQuery()) {
			while (rows.next()) {
				threeLetter.add(rows.getString(1));
			}
		}
		try (PreparedStatement update = connection.prepareStatement("UPDATE item SET lang = ? WHERE lang = ?")) {
			for (String code : threeLetter) {
				String primary = LanguageTag.primary(code);
				if (primary != null && !primary.equals(code)) {
					update.setString(1, primary);
					update.setString(2, code);
					update.executeUpdate();
				}
			}
		}
	}

}
