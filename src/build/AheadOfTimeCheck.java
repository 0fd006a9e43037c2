import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The packaged service honours at run time the settings that decide which beans exist (pom.xml, verify phase, after
 * the jar): the tests run on classes, before the jar and its code generated ahead of time exist. Three starts of the
 * extracted jar, as an operator runs it, on stores of their own and a feed served on loopback, nothing leaving the
 * machine:
 * <ol>
 * <li>from the generated code, with {@code manchette.public-url} and {@code manchette.websub.hub}: the polled feed's
 * hub gets a subscription request, the callback answers the hub's verification, and the hub is pinged for the merged
 * feeds;</li>
 * <li>from the generated code, with {@code manchette.polling.enabled=false} and a {@code spring.datasource.url}: the
 * feed is never fetched, the store is at that URL, and the callback path is a 404;</li>
 * <li>with a setting that decides one of Spring Boot's beans (an actuator endpoint exposed): without the generated
 * code, which would ignore it, and the endpoint answers;</li>
 * <li>from the generated code, with a wrong feeds.yml: the start stops with the report that names the source and
 * the field, and nothing before it names the web server (the generated code runs another application context
 * class than the tests, whose warning the log settings must silence too).</li>
 * </ol>
 * Arguments: the extracted jar, a working directory (emptied first).
 */
public final class AheadOfTimeCheck {

	private static final Duration DEADLINE = Duration.ofMinutes(2);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String GENERATED = "Starting AOT-processed ManchetteApplication";

	private static final String CALLBACK = "/websub/" + "A".repeat(43) + "?hub.mode=subscribe&hub.challenge=x";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/** Form posts that the hub received, decoded, in order. */
	private static final List<Map<String, String>> HUB = Collections.synchronizedList(new ArrayList<>());

	private static volatile int feedRequests;

	private static Path work;

	private AheadOfTimeCheck() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]).toAbsolutePath();
		work = Path.of(args[1]).toAbsolutePath();
		deleteTree(work);
		Files.createDirectories(work);
		HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		String base = "http://127.0.0.1:" + site.getAddress().getPort();
		site.createContext("/feed.xml", (exchange) -> {
			feedRequests++;
			send(exchange, 200, "application/atom+xml", atom(base));
		});
		site.createContext("/hub", (exchange) -> {
			HUB.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			send(exchange, 202, "text/plain", "");
		});
		site.start();
		Files.writeString(work.resolve("feeds.yml"), """
				feeds:
				  - id: fil
				    name: Le Fil
				    url: %s/feed.xml
				""".formatted(base));
		try {
			webSub(jar, base);
			servingOnly(jar);
			decidingSetting(jar);
			wrongFeedsFile(jar);
		}
		finally {
			site.stop(0);
		}
	}

	private static void webSub(Path jar, String base) throws Exception {
		try (Service service = Service.start(jar, "websub", "--manchette.data-dir=" + work.resolve("websub"),
				"--manchette.polling.start-jitter=0s", "--manchette.public-url=https://fil.example/",
				"--manchette.websub.hub=" + base + "/hub")) {
			service.expectLog(GENERATED);
			await("subscription request at the feed's hub", service, () -> mode("subscribe") != null);
			Map<String, String> request = mode("subscribe");
			String callback = URI.create(request.get("hub.callback")).getRawPath();
			String topic = URLEncoder.encode(request.get("hub.topic"), StandardCharsets.UTF_8);
			HttpResponse<String> verified = service.get(callback + "?hub.mode=subscribe&hub.topic=" + topic
					+ "&hub.challenge=aot-check&hub.lease_seconds=600");
			if (verified.statusCode() != 200 || !verified.body().equals("aot-check")) {
				service.fail("the callback answered the verification " + verified.statusCode() + " " + verified.body());
			}
			await("ping of the hub for the merged feeds", service, () -> mode("publish") != null);
			if (!service.get("/feed.atom").body().contains("rel=\"hub\"")) {
				service.fail("/feed.atom names no hub");
			}
		}
	}

	private static void servingOnly(Path jar) throws Exception {
		int fetched = feedRequests;
		Path store = work.resolve("serving").resolve("store");
		try (Service service = Service.start(jar, "serving", "--manchette.polling.enabled=false",
				"--manchette.polling.start-jitter=0s", "--spring.datasource.url=jdbc:h2:file:" + store)) {
			service.expectLog(GENERATED);
			if (service.get(CALLBACK).statusCode() != 404) {
				service.fail("the callback path answers without manchette.public-url");
			}
			if (!Files.isRegularFile(Path.of(store + ".mv.db"))) {
				service.fail("no store at " + store);
			}
			// The seconds in which a polling instance polls a new source (start-jitter 0s, a tick each second).
			Thread.sleep(3000);
			if (feedRequests != fetched) {
				service.fail("the feed was fetched with manchette.polling.enabled=false");
			}
		}
	}

	private static void decidingSetting(Path jar) throws Exception {
		try (Service service = Service.start(jar, "deciding", "--manchette.data-dir=" + work.resolve("deciding"),
				"--manchette.polling.enabled=false", "--management.endpoints.web.exposure.include=health,info")) {
			service.expectLog("Starting without the code generated ahead of time");
			if (service.output().contains(GENERATED) || service.get("/actuator/info").statusCode() != 200) {
				service.fail("the exposed /actuator/info does not answer");
			}
		}
	}

	private static void wrongFeedsFile(Path jar) throws Exception {
		Path wrong = work.resolve("wrong-feeds.yml");
		Files.writeString(wrong, """
				feeds:
				  - id: fil
				    name: Le Fil
				""");
		Path log = work.resolve("wrong-feeds.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xmx224m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toString(), "--manchette.feeds=" + wrong, "--manchette.data-dir=" + work.resolve("wrong"),
				"--server.address=127.0.0.1", "--server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Service service = new Service(process, log, -1);
		if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS) || process.exitValue() == 0) {
			service.fail("a wrong feeds.yml did not stop the start");
		}
		service.expectLog(GENERATED);
		service.expectLog("APPLICATION FAILED TO START");
		service.expectLog("feeds[0] (id \"fil\"): url is missing");
		for (String noise : List.of("Unable to start web server", "cancelling refresh attempt", "\tat ")) {
			if (service.output().contains(noise)) {
				service.fail("the report of a wrong feeds.yml comes with \"" + noise.strip() + "\"");
			}
		}
	}

	private static void await(String what, Service service, BooleanSupplier condition) throws Exception {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				service.fail("no " + what + " within " + DEADLINE);
			}
			Thread.sleep(100);
		}
	}

	private static Map<String, String> mode(String mode) {
		synchronized (HUB) {
			return HUB.stream().filter((form) -> mode.equals(form.get("hub.mode"))).findFirst().orElse(null);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static String atom(String base) {
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Fil</title><id>tag:fil,2026:fil</id>
				<updated>%1$s</updated><link rel="hub" href="%2$s/hub"/><link rel="self" href="%2$s/feed.xml"/>
				<entry><title>Le budget présenté à l’Assemblée</title><link href="https://www.lefil.fr/1"/>
				<id>tag:fil,2026:1</id><updated>%1$s</updated></entry></feed>
				""".formatted(Instant.now().minus(Duration.ofHours(1)), base);
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
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

	/** One start of the jar, its log in the working directory, stopped on close. */
	private record Service(Process process, Path log, int port) implements AutoCloseable {

		static Service start(Path jar, String name, String... settings) throws Exception {
			String java = ProcessHandle.current().info().command().orElse("java");
			List<String> command = new ArrayList<>(List.of(java, "-Xmx224m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--manchette.feeds=" + work.resolve("feeds.yml"),
					"--server.address=127.0.0.1", "--server.port=0"));
			command.addAll(List.of(settings));
			Path log = work.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Instant deadline = Instant.now().plus(DEADLINE);
			while (Instant.now().isBefore(deadline) && process.isAlive()) {
				Matcher matcher = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
				if (matcher.find()) {
					return new Service(process, log, Integer.parseInt(matcher.group(1)));
				}
				Thread.sleep(100);
			}
			new Service(process, log, -1).fail("the service did not answer");
			return null;
		}

		HttpResponse<String> get(String path) throws Exception {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		String output() throws IOException {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}

		void expectLog(String line) throws IOException {
			if (!output().contains(line)) {
				fail("the log does not say \"" + line + "\"");
			}
		}

		void fail(String why) throws IOException {
			System.err.println("Ahead-of-time check (" + this.log.getFileName() + "): " + why);
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
			close();
			System.exit(1);
		}

		@Override
		public void close() {
			this.process.destroy();
			try {
				if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}

	}

}
