package db.migration;

import java.sql.SQLException;

import fr.manchette.store.SearchTextRefold;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The fold of searches reads compatibility forms (« ﬁ », full-width letters, « 1ᵉʳ ») as their letters, drops the
 * invisible characters inside words, and folds Arabic as its search engines do (tatweel, alef wasla, alef maqsura,
 * ta marbuta, Arabic-Indic figures), and writes a number in groups of three figures once more whole (« 1 400 » as
 * « 1400 »): the items stored before are folded again, so that {@code q} finds them as it
 * finds new ones ({@link SearchTextRefold}).
 */
public class V49__Search_texts_folded_again extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		SearchTextRefold.refold(context.getConnection());
	}

}
