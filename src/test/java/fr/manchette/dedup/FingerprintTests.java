package fr.manchette.dedup;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import fr.manchette.normalize.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Item keys, and link keys that fold an article's AMP and mobile variants into one. */
class FingerprintTests {

	private static final String ARTICLE = "https://www.lematin.ma/economie/carburants-baisse.html";

	@ParameterizedTest
	@ValueSource(strings = { "https://lematin.ma/economie/carburants-baisse.html",
			"https://m.lematin.ma/economie/carburants-baisse.html",
			"https://amp.lematin.ma/economie/carburants-baisse.html",
			"https://mobile.lematin.ma/economie/carburants-baisse.html",
			"https://www.lematin.ma/amp/economie/carburants-baisse.html",
			"https://www.lematin.ma/economie/carburants-baisse.html/amp",
			"https://www.lematin.ma/economie/carburants-baisse.html/amp/",
			"https://www.lematin.ma/economie/carburants-baisse.amp.html",
			"https://www.lematin.ma/economie/carburants-baisse.html?outputType=amp",
			"https://www.lematin.ma/economie/carburants-baisse.html?amp=1",
			"https://www.lematin.ma/economie/carburants-baisse.html?amp" })
	void ampAndMobileVariantsHaveTheArticlesLinkKey(String variant) {
		assertThat(Fingerprint.of(item("g", variant)).linkKey()).isEqualTo(Fingerprint.of(item("g", ARTICLE)).linkKey());
	}

	@Test
	void otherArticlesAndOtherParametersKeepTheirOwnLinkKey() {
		assertThat(Fingerprint.linkKeyOf(URI.create("https://www.lematin.ma/economie/autre.html")))
			.isNotEqualTo(Fingerprint.linkKeyOf(URI.create(ARTICLE)));
		assertThat(Fingerprint.linkKeyOf(URI.create("https://www.lematin.ma/article?id=2")))
			.isNotEqualTo(Fingerprint.linkKeyOf(URI.create("https://www.lematin.ma/article?id=3")));
		assertThat(Fingerprint.linkKeyOf(URI.create("https://m.ma/economie/carburants-baisse.html")))
			.isNotEqualTo(Fingerprint.linkKeyOf(URI.create("https://ma/economie/carburants-baisse.html")));
	}

	@Test
	void aLinkWithoutVariantsKeepsTheStoryKeyItHadBeforeVariantsWereFolded() {
		String link = "https://fr.le360.ma/economie/carburants-baisse.html";

		assertThat(Fingerprint.of(item("g", link)).storyKey()).isEqualTo(Fingerprint.sha256("link:" + link));
	}

	/** Keys are SHA-256 in hex, the same at every call on a thread (its digest is used again). */
	@Test
	void keysAreSha256InHexAtEveryCall() {
		String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
		assertThat(Fingerprint.sha256("abc")).isEqualTo(abc);
		assertThat(Fingerprint.sha256("link:" + ARTICLE)).isNotEqualTo(abc);
		assertThat(Fingerprint.sha256("abc")).isEqualTo(abc);
		assertThat(Fingerprint.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void anItemWithoutLinkHasNoLinkKeyAndIsItsOwnStory() {
		Fingerprint fingerprint = Fingerprint.of(item("g", null));

		assertThat(fingerprint.linkKey()).isNull();
		assertThat(fingerprint.storyKey()).isEqualTo(fingerprint.itemKey());
	}

	private static Item item(String guid, String link) {
		return new Item(guid, "Titre", (link != null) ? URI.create(link) : null, "", "", Instant.EPOCH, true, List.of());
	}

}
