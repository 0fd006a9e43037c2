package fr.manchette;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules of ARCHITECTURE.md: the stages depend only on the stages before them, through their public types,
 * and the libraries that speak a format or a protocol stay in the packages named for them. Docs land in target/.
 */
class ModularityTests {

	/**
	 * The modules in the order data flows, then the ones that serve what is stored, then the operator's commands: a
	 * module may use the modules before it in this list, never one after it.
	 */
	private static final List<String> ORDER = List.of("config", "fetch", "parse", "normalize", "editorial", "dedup",
			"store", "pipeline", "publish", "notify", "websub", "web", "discover", "preview");

	/**
	 * Where each library may be used in main code, by module. SQL in store alone; Rome where feeds are read and
	 * written; Jsoup where HTML is read, cleaned or written (config checks the selectors of feeds.yml with it);
	 * YAML where feeds.yml is read.
	 */
	private static final Map<String, Library> LIBRARIES = Map.of(
			"SQL", new Library(Set.of("store"), "org.springframework.jdbc.", "java.sql.", "javax.sql.", "org.h2.",
					"org.postgresql.", "org.flywaydb."),
			"Rome", new Library(Set.of("parse", "publish"), "com.rometools."),
			"Jsoup", new Library(Set.of("config", "parse", "normalize", "publish", "discover"), "org.jsoup."),
			"YAML", new Library(Set.of("config"), "org.yaml.", "org.springframework.boot.env.Yaml",
					"org.springframework.beans.factory.config.Yaml", "tools.jackson.dataformat.yaml."));

	private static final Path MAIN = Path.of("src", "main", "java", "fr", "manchette");

	private final ApplicationModules modules = ApplicationModules.of(ManchetteApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void aModuleUsesOnlyTheModulesBeforeIt() {
		List<String> backwards = new ArrayList<>();
		assertThat(this.modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrderElementsOf(ORDER);
		this.modules.forEach((module) -> module.getDirectDependencies(this.modules).uniqueModules().forEach((used) -> {
			if (ORDER.indexOf(used.getName()) >= ORDER.indexOf(module.getName())) {
				backwards.add(module.getName() + " uses " + used.getName());
			}
		}));
		assertThat(backwards).as("dependencies against the order of ModularityTests.ORDER").isEmpty();
	}

	@Test
	void librariesStayInTheirPackages() throws IOException {
		List<String> misplaced = new ArrayList<>();
		Map<String, Set<String>> usedIn = new java.util.TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String module = MAIN.relativize(file).getNameCount() > 1 ? MAIN.relativize(file).getName(0).toString()
						: "";
				String code = withoutComments(read(file));
				LIBRARIES.forEach((name, library) -> {
					for (String prefix : library.prefixes()) {
						if (code.contains(prefix)) {
							usedIn.computeIfAbsent(name, (key) -> new TreeSet<>()).add(module);
							if (!library.modules().contains(module)) {
								misplaced.add(name + " (" + prefix + ") in " + MAIN.relativize(file));
							}
						}
					}
				});
			});
		}
		assertThat(misplaced).as("libraries outside their packages (see ARCHITECTURE.md)").isEmpty();
		// The rule is not empty: each library is found where it is allowed (a renamed package fails here).
		LIBRARIES.forEach((name, library) -> assertThat(usedIn.get(name)).as(name).isNotEmpty());
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	/** A string literal (kept: a URL's {@code //} is no comment), a block comment, or a line comment. */
	private static final Pattern COMMENT = Pattern.compile("(\"(?:\\\\.|[^\"\\\\\\n])*\")|/\\*.*?\\*/|//[^\\n]*",
			Pattern.DOTALL);

	/** The code of a source file without its comments, where a library may be named without being used. */
	private static String withoutComments(String source) {
		Matcher matcher = COMMENT.matcher(source);
		return matcher.replaceAll((match) -> (match.group(1) != null) ? Matcher.quoteReplacement(match.group(1)) : " ");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A library, by the prefixes of its class names, and the modules that may use it. */
	private record Library(Set<String> modules, String... prefixes) {

	}

}
