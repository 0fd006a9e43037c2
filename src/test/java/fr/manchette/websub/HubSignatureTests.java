package fr.manchette.websub;

import java.nio.charset.StandardCharsets;

import fr.manchette.support.HmacSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HubSignature}: the four registered methods, and everything else refused. */
class HubSignatureTests {

	private static final byte[] BODY = "<feed>Dépêche</feed>".getBytes(StandardCharsets.UTF_8);

	private static final String SECRET = "2f0c9a8e1b7d4c3a";

	@ParameterizedTest
	@ValueSource(strings = { "sha1", "sha256", "sha384", "sha512" })
	void acceptsEachRegisteredMethod(String method) {
		String signature = HmacSignature.of(method, BODY, SECRET);
		assertThat(HubSignature.valid(signature, BODY, SECRET)).isTrue();
		// Hex in capitals and a method in capitals are the same signature.
		assertThat(HubSignature.valid(signature.toUpperCase(java.util.Locale.ROOT), BODY, SECRET)).isTrue();
		assertThat(HubSignature.valid(signature, BODY, SECRET + "x")).isFalse();
		assertThat(HubSignature.valid(signature, "<feed>Dépêches</feed>".getBytes(StandardCharsets.UTF_8), SECRET))
			.isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "sha256", "sha256=", "=abcd", "sha256=zz", "md5=d41d8cd98f00b204e9800998ecf8427e",
			"sha256=abc" })
	void refusesWhatIsNotASignature(String header) {
		assertThat(HubSignature.valid(header, BODY, SECRET)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sha256", "sha1" })
	void refusesATruncatedSignature(String method) {
		String signature = HmacSignature.of(method, BODY, SECRET);
		assertThat(HubSignature.valid(signature.substring(0, signature.length() - 2), BODY, SECRET)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void refusesNoSignatureAtAll() {
		assertThat(HubSignature.valid(null, BODY, SECRET)).isFalse();
	}

}
