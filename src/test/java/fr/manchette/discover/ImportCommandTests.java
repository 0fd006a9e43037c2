package fr.manchette.discover;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.publish.OpmlWriter;
import fr.manchette.publish.SourceHealth;
import fr.manchette.store.PollOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code import} as an operator runs it on a feed reader's export: what it prints is a feeds.yml that the service
 * accepts as it is, what it leaves out is said, and what is no subscription list is refused.
 */
class ImportCommandTests {

	/**
	 * As feed readers export: folders (one nested), a name in {@code text} besides the feed's {@code title}, an
	 * attribute's name in lower case.
	 */
	private static final String EXPORT = """
			<?xml version="1.0" encoding="UTF-8"?>
			<opml version="2.0">
			  <head><title>Abonnements</title></head>
			  <body>
			    <outline text="Actualités" title="Actualités">
			      <outline type="rss" text="Le Monde" title="Le Monde - À la une"
			               xmlUrl="https://www.lemonde.fr/rss/une.xml" htmlUrl="https://www.lemonde.fr/"/>
			      <outline type="rss" text="Le Monde International" xmlUrl="https://www.lemonde.fr/international/rss_full.xml"/>
			      <outline text="Maroc">
			        <outline type="rss" text="Le360 &amp; co : « l’essentiel »" xmlUrl="https://fr.le360.ma/rss"/>
			        <outline type="rss" text="Hespress" xmlurl="https://fr.hespress.com/feed"/>
			      </outline>
			    </outline>
			    <outline type="rss" text="  LinuxFr.org
			         dépêches " xmlUrl="feed://linuxfr.org/news.atom"/>
			    <outline type="rss" text="" title="Le Monde (doublon)" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
			    <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
			    <outline type="rss" text="Courriel" xmlUrl="mailto:redaction@site.example"/>
			  </body>
			</opml>
			""";

	@TempDir
	Path dir;

	@Test
	void printsAFeedsYmlOfTheFeedsEachFolderACategory() throws Exception {
		Run run = run(write("abonnements.opml", EXPORT.getBytes(StandardCharsets.UTF_8)));

		assertThat(run.status()).isZero();
		assertThat(run.out()).startsWith("# 5 feeds from abonnements.opml.");
		assertThat(run.err()).contains("Left out: https://www.lemonde.fr/rss/une.xml (listed twice",
				"Left out: file:///etc/passwd (not an http(s) address)",
				"Left out: mailto:redaction@site.example (not an http(s) address)");
		assertThat(load(run.out()).feeds())
			.extracting(Source::id, Source::name, (source) -> source.url().toString(), Source::category)
			.containsExactly(
					tuple("lemonde", "Le Monde", "https://www.lemonde.fr/rss/une.xml", "Actualités"),
					tuple("lemonde-rss_full", "Le Monde International",
							"https://www.lemonde.fr/international/rss_full.xml", "Actualités"),
					tuple("fr-le360", "Le360 & co : « l’essentiel »", "https://fr.le360.ma/rss", "Maroc"),
					tuple("fr-hespress", "Hespress", "https://fr.hespress.com/feed", "Maroc"),
					tuple("linuxfr", "LinuxFr.org dépêches", "http://linuxfr.org/news.atom", null));
	}

	@Test
	void readsAListInTheEncodingItDeclares() throws Exception {
		String latin1 = """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<opml version="1.0"><body><outline text="Économie" >
				<outline title="Les Échos — marchés" xmlUrl="https://www.lesechos.fr/rss/marches.xml"/>
				</outline></body></opml>""".replace("—", "-");

		Run run = run(write("latin1.opml", latin1.getBytes(StandardCharsets.ISO_8859_1)));

		assertThat(run.status()).isZero();
		assertThat(load(run.out()).feeds()).singleElement().satisfies((source) -> {
			assertThat(source.name()).isEqualTo("Les Échos - marchés");
			assertThat(source.category()).isEqualTo("Économie");
		});
	}

	@Test
	void expandsNoEntityADoctypeDeclaresAndFetchesNothing() throws Exception {
		Path secret = write("secret.txt", "mot de passe".getBytes(StandardCharsets.UTF_8));
		String hostile = """
				<?xml version="1.0"?>
				<!DOCTYPE opml [<!ENTITY xxe SYSTEM "%s">]>
				<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://site.example/rss"/></body></opml>"""
			.formatted(secret.toUri());

		Run run = run(write("hostile.opml", hostile.getBytes(StandardCharsets.UTF_8)));

		assertThat(run.out() + run.err()).doesNotContain("mot de passe");
		if (run.status() == 0) {
			assertThat(load(run.out()).feeds()).singleElement()
				.satisfies((source) -> assertThat(source.url().toString()).isEqualTo("https://site.example/rss"));
		}
	}

	@Test
	void refusesWhatIsNoSubscriptionList() throws Exception {
		Run rss = run(write("flux.xml", "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8)));
		assertThat(rss.status()).isEqualTo(1);
		assertThat(rss.err()).contains("flux.xml: Not an OPML document: its root is <rss>, not <opml>.");

		Run empty = run(write("vide.opml", "<opml><body><outline text=\"Dossier\"/></body></opml>"
			.getBytes(StandardCharsets.UTF_8)));
		assertThat(empty.status()).isEqualTo(1);
		assertThat(empty.err()).contains("vide.opml: no feed to add (no <outline> with an xmlUrl)");
		assertThat(empty.out()).isEmpty();

		Run missing = run(this.dir.resolve("absent.opml").toString());
		assertThat(missing.status()).isEqualTo(1);
		assertThat(missing.err()).contains("absent.opml: no such file");

		assertThat(run().status()).isEqualTo(2);
		assertThat(run("a.opml", "b.opml").status()).isEqualTo(2);
		assertThat(run("--help").status()).isZero();
	}

	@Test
	void leavesOutWhatFeedsYmlFollowsAndProposesNoneOfItsIds() throws Exception {
		Files.writeString(existing(), """
				feeds:
				  - id: lemonde
				    name: Le Monde
				    url: https://www.lemonde.fr/rss/une.xml
				  - id: fr-le360-2
				    name: Autre
				    url: https://autre.example/rss
				""");

		Run run = run(write("abonnements.opml", EXPORT.getBytes(StandardCharsets.UTF_8)));

		assertThat(run.status()).isZero();
		assertThat(run.err()).contains("Left out: https://www.lemonde.fr/rss/une.xml (already in feeds.yml as lemonde)",
				// Its second listing says no more than that: its first one is not proposed either.
				"Left out: https://www.lemonde.fr/rss/une.xml (listed twice: taken once)");
		assertThat(load(run.out()).feeds()).extracting(Source::id)
			.containsExactly("lemonde-rss_full", "fr-le360", "fr-hespress", "linuxfr");

		// What a shell's "import … > feeds.yml" leaves the command: an empty file, as good as none.
		Files.writeString(existing(), "");
		assertThat(run(write("abonnements.opml", EXPORT.getBytes(StandardCharsets.UTF_8))).out())
			.startsWith("# 5 feeds");
		// A file the service would refuse: none followed, said.
		Files.writeString(existing(), "feeds: [");
		Run broken = run(write("abonnements.opml", EXPORT.getBytes(StandardCharsets.UTF_8)));
		assertThat(broken.status()).isZero();
		assertThat(broken.err()).contains("could not be read, so the ids proposed may be some it already has");
		// And says why, so that the operator can fix it: "off" is YAML's false, not an id.
		Files.writeString(existing(), "feeds:\n  - id: off\n    name: Off\n    url: https://off.example/rss\n");
		assertThat(run(write("abonnements.opml", EXPORT.getBytes(StandardCharsets.UTF_8))).err())
			.contains("already has: feeds[0]: id must be text");
	}

	@Test
	void theServicesOwnOpmlComesBackAsItsSources() throws Exception {
		Path feedsYml = write("service-feeds.yml", """
				feeds:
				  - id: le360
				    name: "Le360 : l’essentiel"
				    url: https://fr.le360.ma/rss
				    category: Maroc
				  - id: lequipe
				    name: L’Équipe
				    url: https://dwh.lequipe.fr/api/edito/rss?path=/
				    category: Sport
				  - id: linuxfr
				    name: LinuxFr.org
				    url: https://linuxfr.org/news.atom
				""".getBytes(StandardCharsets.UTF_8));
		FeedsFile service = new FeedsFileLoader().load(feedsYml);
		String opml = opml(service);
		// A reader that keeps its feeds outside folders: the category strings alone.
		String flat = opml.replaceAll("(?m)^\\s*<outline text=\"(Maroc|Sport)\"[^>]*[^/]>\\s*$", "")
			.replaceAll("(?m)^\\s*</outline>\\s*$", "");

		for (String export : List.of(opml, flat)) {
			Run run = run(write("manchette.opml", export.getBytes(StandardCharsets.UTF_8)));
			assertThat(run.status()).as(export).isZero();
			assertThat(load(run.out()).feeds()).as(export)
				.extracting(Source::name, Source::url, Source::category)
				.containsExactlyElementsOf(service.feeds()
					.stream()
					.map((source) -> tuple(source.name(), source.url(), source.category()))
					.toList());
		}
	}

	@Test
	void aFeedWhoseKeyTheServicesOwnOpmlMaskedIsPrintedCommentedOutAndSaid() throws Exception {
		Path feedsYml = write("service-feeds.yml", """
				feeds:
				  - id: le360
				    name: Le360
				    url: https://fr.le360.ma/rss
				  - id: abonnes
				    name: Abonnés
				    url: https://abonnes.example/rss?edition=fr&token=s3cret
				    category: Presse
				""".getBytes(StandardCharsets.UTF_8));
		FeedsFile service = new FeedsFileLoader().load(feedsYml);
		Path opml = write("manchette.opml", opml(service).getBytes(StandardCharsets.UTF_8));

		Run run = run(opml);

		assertThat(run.status()).isZero();
		assertThat(run.err()).contains("Commented out: https://abonnes.example/rss?edition=fr&token=*** (the value of"
				+ " token was masked as *** where the list was made: write the real one in by hand, then uncomment it)");
		assertThat(run.out()).startsWith("# 1 feed from manchette.opml, and 1 commented out whose credential was masked")
			.contains("  # The value of token was masked: write the real one in, then uncomment.\n"
					+ "  # - id: abonnes\n  #   name: \"Abonnés\"\n"
					+ "  #   url: \"https://abonnes.example/rss?edition=fr&token=***\"\n  #   category: \"Presse\"\n");
		// As it is, the service polls only the feed it can; with the key written in and uncommented, both.
		assertThat(load(run.out()).feeds()).extracting(Source::id).containsExactly("fr-le360");
		String written = run.out().replace("  # - ", "  - ").replace("  #   ", "    ").replace("***", "s3cret");
		assertThat(load(written).feeds()).extracting(Source::url).containsExactlyElementsOf(service.feeds()
			.stream()
			.map(Source::url)
			.toList());

		// Only such feeds left to add: nothing to add as it is (status 1), the entries printed to be completed.
		Files.writeString(existing(), """
				feeds:
				  - id: le360
				    name: Le360
				    url: https://fr.le360.ma/rss
				""");
		Run masked = run(opml);
		assertThat(masked.status()).isEqualTo(1);
		assertThat(masked.err()).contains("no feed to add (the credentials of those it does not follow were masked");
		assertThat(masked.out()).contains("  # - id: abonnes\n");

		// Back into the feeds.yml it came from: followed already, its key masked or not.
		Files.copy(feedsYml, existing(), StandardCopyOption.REPLACE_EXISTING);
		Run again = run(opml);
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains(
				"Left out: https://abonnes.example/rss?edition=fr&token=*** (already in feeds.yml as abonnes)",
				"no feed to add (feeds.yml follows all of them)");
		assertThat(again.out()).isEmpty();
	}

	/** The service's {@code /opml} for its feeds.yml, as it shows its sources (their keys masked). */
	private static String opml(FeedsFile service) {
		List<SourceHealth> sources = service.feeds()
			.stream()
			.map((source) -> new SourceHealth(source.id(), source.name(), source.shownUrl(), source.category(), true,
					null, null, PollOutcome.PENDING, 0, null, null, 0, null))
			.toList();
		return new OpmlWriter(new CurrentFeeds(service)).opml(sources, "http://localhost:8080/");
	}

	/** The service's feeds.yml, absent unless a test writes it. */
	private Path existing() {
		return this.dir.resolve("existing-feeds.yml");
	}

	private Path write(String name, byte[] content) throws Exception {
		return Files.write(this.dir.resolve(name), content);
	}

	private FeedsFile load(String yaml) throws Exception {
		Path feeds = this.dir.resolve("feeds.yml");
		Files.writeString(feeds, yaml);
		return new FeedsFileLoader().load(feeds);
	}

	private Run run(Path file) {
		return run(file.toString());
	}

	/** The command, with the service's feeds.yml at {@link #existing()}. */
	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of("MANCHETTE_FEEDS", existing().toString()));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
