import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The training run of the class data sharing archive (pom.xml, package phase), run as a source file by the JDK that
 * builds. It starts the packaged service once on an empty store, as an operator's first start does, with four sources
 * that it serves itself on loopback (RSS 2.0 and Atom gzipped, as most sites send them, a JSON Feed, and an RSS feed
 * in ISO-8859-1, read through a tree, whose English and Spanish headlines have the language detector load its
 * models), waits until every source is polled and stored and /actuator/health answers, and stops the service: the JVM
 * then writes every class it loaded into the archive. A start with the archive maps them instead of loading them from
 * the jars, the first polls' classes too (fetch, parse, normalize, language, story matching, store), which a training
 * run that stopped at the context's refresh left to be loaded during the first round of polls. Nothing leaves the
 * machine.
 * <p>
 * Arguments: the extracted jar, the archive to write, a working directory (its data/ is emptied first).
 */
public final class CdsTraining {

	/**
	 * Classes a first start and its polls load, that the archive must hold: the build fails without them (a training
	 * run that stopped short, or polls that failed, would silently give a start that loads them from the jars).
	 */
	private static final List<String> EXPECTED = List.of("org.apache.catalina.connector.CoyoteAdapter",
			"fr.manchette.fetch.FeedFetcher", "fr.manchette.parse.StreamedRss", "fr.manchette.parse.StreamedAtom",
			"fr.manchette.parse.JsonFeedReader", "org.jsoup.parser.HtmlTreeBuilder",
			"fr.manchette.parse.CommonFormatReader", "com.github.pemistahl.lingua.api.LanguageDetector",
			"fr.manchette.dedup.StoryMatcher", "fr.manchette.store.ItemRepository");

	private static final Duration DEADLINE = Duration.ofMinutes(3);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern POLLED = Pattern.compile("\"lastSuccess\"\\s*:\\s*\"");

	private CdsTraining() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]).toAbsolutePath();
		Path archive = Path.of(args[1]).toAbsolutePath();
		Path work = Path.of(args[2]).toAbsolutePath();
		deleteTree(work.resolve("data"));
		Files.createDirectories(work);
		Files.deleteIfExists(archive);
		String java = ProcessHandle.current().info().command().orElse("java");
		HttpServer feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		feeds.createContext("/une.xml", (exchange) -> send(exchange, "application/rss+xml", rss(), true));
		feeds.createContext("/atom.xml", (exchange) -> send(exchange, "application/atom+xml", atom(), true));
		feeds.createContext("/feed.json", (exchange) -> send(exchange, "application/feed+json", jsonFeed(), false));
		feeds.createContext("/monde.xml", (exchange) -> send(exchange, "application/rss+xml", latin1(), false));
		feeds.start();
		String base = "http://127.0.0.1:" + feeds.getAddress().getPort();
		Files.writeString(work.resolve("feeds.yml"), """
				feeds:
				  - id: une
				    name: La Une
				    url: %1$s/une.xml
				  - id: atom
				    name: Le Fil
				    url: %1$s/atom.xml
				  - id: json
				    name: Le Direct
				    url: %1$s/feed.json
				  - id: monde
				    name: Le Monde d’ailleurs
				    url: %1$s/monde.xml
				""".formatted(base));
		Path log = work.resolve("service.log");
		Process service = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive,
				"-Xlog:cds=error,cds+dynamic=error", "-Xmx224m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "--manchette.feeds=" + work.resolve("feeds.yml"),
				"--manchette.data-dir=" + work.resolve("data"), "--server.address=127.0.0.1", "--server.port=0",
				"--manchette.polling.start-jitter=0s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			Instant deadline = Instant.now().plus(DEADLINE);
			int port = awaitPort(log, service, deadline);
			HttpClient client = HttpClient.newHttpClient();
			awaitPolled("http://127.0.0.1:" + port, 4, client, service, log, deadline);
			get(client, "http://127.0.0.1:" + port + "/actuator/health");
		}
		finally {
			// SIGTERM: the service stops as on an operator's signal, and the JVM writes the archive at its exit.
			service.destroy();
			if (!service.waitFor(2, TimeUnit.MINUTES)) {
				service.destroyForcibly();
			}
			feeds.stop(0);
		}
		if (!Files.isRegularFile(archive)) {
			fail("no archive written at " + archive, log);
		}
		List<String> missing = missingClasses(java, archive, jar);
		if (!missing.isEmpty()) {
			fail("the archive lacks " + missing, log);
		}
	}

	private static int awaitPort(Path log, Process service, Instant deadline) throws Exception {
		while (Instant.now().isBefore(deadline)) {
			Matcher matcher = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
			if (!service.isAlive()) {
				fail("the service stopped before it answered", log);
			}
			Thread.sleep(100);
		}
		fail("the service did not answer within " + DEADLINE, log);
		return -1;
	}

	private static void awaitPolled(String service, int sources, HttpClient client, Process process, Path log,
			Instant deadline) throws Exception {
		while (Instant.now().isBefore(deadline)) {
			String body = get(client, service + "/api/sources");
			if (POLLED.matcher(body).results().count() >= sources) {
				return;
			}
			if (!process.isAlive()) {
				fail("the service stopped before its sources were polled", log);
			}
			Thread.sleep(100);
		}
		fail("the sources were not all polled within " + DEADLINE + ": " + get(client, service + "/api/sources"), log);
	}

	private static String get(HttpClient client, String url) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(url + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** The expected classes that the archive does not list (the JVM prints what an archive holds, and exits). */
	private static List<String> missingClasses(String java, Path archive, Path jar) throws Exception {
		Process print = new ProcessBuilder(java, "-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit",
				"-cp", jar.toString())
			.redirectErrorStream(true)
			.start();
		String listing = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		print.waitFor();
		List<String> missing = new ArrayList<>();
		for (String name : EXPECTED) {
			if (!Pattern.compile(": " + Pattern.quote(name) + " ").matcher(listing).find()) {
				missing.add(name);
			}
		}
		return missing;
	}

	private static void fail(String why, Path log) throws IOException {
		System.err.println("Class data sharing training: " + why);
		if (Files.isRegularFile(log)) {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
		}
		System.exit(1);
	}

	private static void send(HttpExchange exchange, String type, String body, boolean gzip) throws IOException {
		boolean latin1 = body.contains("encoding=\"ISO-8859-1\"");
		byte[] bytes = body.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
		String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
		if (gzip && accepted != null && accepted.contains("gzip")) {
			ByteArrayOutputStream zipped = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
				out.write(bytes);
			}
			bytes = zipped.toByteArray();
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
		}
		exchange.getResponseHeaders().set("Content-Type", type + (latin1 ? "" : "; charset=utf-8"));
		exchange.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(body.hashCode()) + "\"");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Headlines as French sites write them, some told by two sources, so that stories are matched and merged. */
	private static final List<Map.Entry<String, String>> NEWS = List.of(
			Map.entry("Le gouvernement présente son budget pour 2026 à l’Assemblée",
					"Le ministre de l’Économie a détaillé les économies prévues, « un effort partagé »."),
			Map.entry("Tempête Ciarán : 1,2 million de foyers privés d’électricité en Bretagne",
					"Les équipes d’Enedis sont mobilisées &amp; les écoles restent fermées jeudi."),
			Map.entry("Ligue 1 : le PSG s’impose 3-1 face à l’OM au Vélodrome",
					"Un doublé de l’attaquant parisien a fait la différence en seconde période."),
			Map.entry("Grève SNCF : le trafic sera très perturbé mardi",
					"Seul un TGV sur deux circulera, selon la direction de l’entreprise."),
			Map.entry("Le Maroc qualifié pour la Coupe du monde 2026",
					"Les Lions de l’Atlas ont battu la Zambie 2-1 à Rabat devant 45 000 spectateurs."),
			Map.entry("Intelligence artificielle : Bruxelles adopte un règlement inédit",
					"Le texte encadre les usages jugés à risque et prévoit des amendes."),
			Map.entry("Inflation : les prix ont augmenté de 2,4 % sur un an en octobre",
					"L’Insee note un ralentissement pour le troisième mois consécutif."),
			Map.entry("Séisme au large du Japon : pas d’alerte au tsunami",
					"La secousse, de magnitude 6,1, a été ressentie jusqu’à Tokyo."));

	private static String rss() {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < NEWS.size(); i++) {
			items.append("""
					<item><title>%s</title><link>https://www.exemple.fr/actualite/%d.html</link>
					<guid isPermaLink="false">une-%d</guid><pubDate>%s</pubDate><category>Actualité</category>
					<description><![CDATA[<p><img src="/images/%d.jpg" alt=""> %s <a href="/suite/%d">Lire la suite</a></p>]]></description>
					</item>
					""".formatted(NEWS.get(i).getKey(), i, i, rfc1123(i), i, NEWS.get(i).getValue(), i));
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>La Une</title><link>https://www.exemple.fr/</link>
				<description>Toute l’actualité</description><language>fr</language>
				%s</channel></rss>
				""".formatted(items);
	}

	private static String atom() {
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < NEWS.size(); i += 2) {
			entries.append("""
					<entry><title type="html">%s</title><link href="https://www.lefil.fr/%d"/>
					<id>tag:lefil.fr,2025:%d</id><updated>%s</updated><author><name>Rédaction</name></author>
					<summary type="html">%s</summary></entry>
					""".formatted(NEWS.get(i).getKey(), i, i, iso(i), NEWS.get(i).getValue()));
		}
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Le Fil</title>
				<id>tag:lefil.fr,2025:fil</id><updated>%s</updated><link href="https://www.lefil.fr/"/>
				%s</feed>
				""".formatted(iso(0), entries);
	}

	private static String jsonFeed() {
		List<String> items = new ArrayList<>();
		for (int i = 1; i < NEWS.size(); i += 2) {
			items.add("""
					{"id": "direct-%d", "url": "https://www.ledirect.fr/%d", "title": "%s",
					 "content_html": "<p>%s</p>", "date_published": "%s"}""".formatted(i, i, NEWS.get(i).getKey(),
					NEWS.get(i).getValue(), iso(i)));
		}
		return """
				{"version": "https://jsonfeed.org/version/1.1", "title": "Le Direct",
				 "home_page_url": "https://www.ledirect.fr/", "items": [%s]}
				""".formatted(String.join(",\n", items));
	}

	/** World news in ISO-8859-1, some headlines in English and Spanish: no language declared. */
	private static String latin1() {
		List<String> titles = List.of("Élections en Espagne : la droite en tête des sondages",
				"Markets rally as inflation cools in the United States",
				"El Gobierno aprueba los presupuestos para el próximo año",
				"Brésil : l’Amazonie a perdu 10 % de sa forêt en vingt ans");
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < titles.size(); i++) {
			items.append("""
					<item><title>%s</title><link>https://www.ailleurs.fr/monde/%d</link><pubDate>%s</pubDate>
					<dc:creator>Service étranger</dc:creator><media:content url="https://www.ailleurs.fr/%d.jpg"/></item>
					""".formatted(titles.get(i).replace('’', '\''), i, rfc1123(i), i));
		}
		return """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
				<channel><title>Le Monde d'ailleurs</title><link>https://www.ailleurs.fr/</link>
				<description>International</description>
				%s</channel></rss>
				""".formatted(items);
	}

	/** An hour apart from now back: within any retention period. */
	private static Instant published(int i) {
		return Instant.now().minus(Duration.ofHours(i + 1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
	}

	private static String rfc1123(int i) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(published(i).atOffset(ZoneOffset.UTC));
	}

	private static String iso(int i) {
		return published(i).toString();
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (var paths = Files.walk(root)) {
				for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
