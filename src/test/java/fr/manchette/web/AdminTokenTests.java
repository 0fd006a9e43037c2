package fr.manchette.web;

import fr.manchette.config.AdminSettings;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may run an admin action: nobody without a token, and with one only a request that shows it. */
class AdminTokenTests {

	private static final String TOKEN = "0123456789abcdef0123";

	@Test
	void withoutATokenAdminActionsAreOffWhateverTheRequestShows() {
		AdminToken off = new AdminToken(new AdminSettings(null, 7));

		assertThatThrownBy(() -> off.check("Bearer " + TOKEN)).isInstanceOfSatisfying(AdminRefusedException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN))
			.hasMessageContaining("manchette.admin.token");
		assertThatThrownBy(() -> off.check(null)).isInstanceOf(AdminRefusedException.class);
		assertThatThrownBy(() -> new AdminToken(new AdminSettings("  ", 7)).check("Bearer   "))
			.as("a blank token is none").isInstanceOf(AdminRefusedException.class);
	}

	@Test
	void onlyTheTokenItselfAsABearerPasses() {
		AdminToken token = new AdminToken(new AdminSettings(TOKEN, 7));

		assertThatCode(() -> token.check("Bearer " + TOKEN)).doesNotThrowAnyException();
		assertThatCode(() -> token.check("BEARER  " + TOKEN + " ")).doesNotThrowAnyException();
		for (String refused : new String[] { null, "", "Bearer", "Bearer ", TOKEN, "Basic " + TOKEN,
				"Bearer " + TOKEN + "4", "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN.toUpperCase() }) {
			assertThatThrownBy(() -> token.check(refused)).as(String.valueOf(refused))
				.isInstanceOfSatisfying(AdminRefusedException.class,
						(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
		}
	}

	@Test
	void aTokenTooShortToBeSecretIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AdminSettings("secret", 7))
			.withMessageContaining("manchette.admin.token must be at least 16 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> new AdminSettings(" " + TOKEN, 7))
			.withMessageContaining("must not start or end with a space");
	}

	@Test
	void aNegativeNumberOfBackupsKeptIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AdminSettings(TOKEN, -1))
			.withMessage("manchette.admin.keep-backups must be 0 (keep all) or more, not -1");
	}

}
